import { useMutation } from '@tanstack/react-query';
import type { BulkAction, BulkFilter, InboxCounts, UndoTicket } from '@shared/schemas/notification';
import type { ApiRequest } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import type { UndoOffer } from '../components/inboxExtensions';
import { setCountsIfNewer } from '../utils/countsCache';
import { applyBulkAction, idBatches } from '../utils/selection';
import { changeKey, changeOptimistically, refetchAfterChanges } from '../utils/optimistic';
import { useInboxChange } from './inboxChange';

/** What a bulk action applies to: the selected rows, or everything in the view up to what it showed. */
export type BulkTarget =
  | { ids: string[] }
  | {
      filter: BulkFilter;
      /** The highest seq the view showed: what arrives meanwhile is left alone. */
      upToSeq: number;
      /** The loaded rows it covers, shown changed at once. */
      shown: string[];
    };

/** One bulk action from the inbox. */
export interface BulkVars {
  action: BulkAction;
  target: BulkTarget;
}

/** The answers of one bulk action's requests, together. */
interface BulkOutcome {
  updated: number;
  counts: InboxCounts;
  tickets: UndoTicket[];
}

/** The bulk actions the server can revert, as the Undo toast names them. */
const UNDOABLE: Partial<Record<BulkAction, UndoOffer['action']>> = { read: 'read', archive: 'archive', delete: 'delete' };

/**
 * Sends a bulk action: one request for a whole view; for ids, one request per BULK_IDS_MAX of them, one
 * after the other (each its own transaction and undo ticket). The newest counts win.
 */
async function sendBulk(request: ApiRequest, { action, target }: BulkVars): Promise<BulkOutcome> {
  const inputs = 'ids' in target ? idBatches(target.ids).map((ids) => ({ action, ids })) : [{ action, filter: target.filter, upToSeq: target.upToSeq }];
  const outcome: Partial<BulkOutcome> & { updated: number; tickets: UndoTicket[] } = { updated: 0, tickets: [] };
  for (const input of inputs) {
    const result = await inboxRequests.bulk(request, input);
    outcome.updated += result.updated;
    if (result.undo) outcome.tickets.push(result.undo);
    if (!outcome.counts || result.counts.version > outcome.counts.version) outcome.counts = result.counts;
  }
  return outcome as BulkOutcome;
}

/**
 * Read, unread, archive, unarchive, delete, pin or unpin a selection or a whole view
 * (`POST /api/notifications/bulk`): shown at once on the rows the client holds, rolled back if the server
 * refuses; read, archive and delete offer Undo (InboxExtensions.offerUndo) when they changed something.
 *
 * @example
 * const bulk = useBulkAction();
 * bulk.mutate({ action: 'archive', target: { ids: ['n1', 'n2'] } });
 */
export function useBulkAction() {
  const { queryClient, offerUndo, refused } = useInboxChange();
  return useMutation({
    mutationKey: changeKey('bulk'),
    mutationFn: (vars: BulkVars) => sendBulk(requestOf(queryClient), vars),
    onMutate: ({ action, target }) => {
      const now = new Date().toISOString();
      return changeOptimistically(queryClient, 'ids' in target ? target.ids : target.shown, (item) => applyBulkAction(item, action, now));
    },
    onError: (_error, _vars, snapshot) => refused(snapshot, 'inboxActions.bulkFailed'),
    onSuccess: ({ updated, counts, tickets }, { action }) => {
      setCountsIfNewer(queryClient, counts);
      const undoable = UNDOABLE[action];
      if (undoable && tickets.length > 0) offerUndo?.({ action: undoable, count: updated, tickets });
    },
    onSettled: () => refetchAfterChanges(queryClient),
  });
}
