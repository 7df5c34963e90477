import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { MessageId } from '../../../i18n/messageIds';
import { UNDO_OUTCOME_TOAST_ID, useUndoAction } from '../api/undoAction';
import type { UndoOffer } from '../components/inboxExtensions';

/** One toast at a time: a newer undoable action replaces the offer of the one before. */
const UNDO_TOAST_ID = 'inbox-undo';

/** How long the offer stays (Sonner pauses it while hovered or focused); the server's window is longer. */
const UNDO_TOAST_MS = 10_000;

const DONE: Record<UndoOffer['action'], MessageId> = {
  archive: 'inboxActions.undo.archived',
  delete: 'inboxActions.undo.deleted',
  read: 'inboxActions.undo.read',
};

/**
 * The app's way to offer Undo (InboxExtensions.offerUndo): a toast saying what was done ("Notification
 * deleted") with an "Undo" button that reverts it on the server, then says so ("Undone.").
 *
 * @example
 * const offerUndo = useUndoToasts();
 * offerUndo({ action: 'delete', count: 1, tickets: [undo] });
 */
export function useUndoToasts(): (offer: UndoOffer) => void {
  const intl = useIntl();
  const { mutate } = useUndoAction();
  return useCallback(
    ({ action, count, tickets }: UndoOffer) => {
      const undo = () =>
        mutate(tickets, { onSuccess: () => void toast(intl.formatMessage({ id: 'inboxActions.undo.done' }), { id: UNDO_OUTCOME_TOAST_ID }) });
      toast(intl.formatMessage({ id: DONE[action] }, { count }), {
        id: UNDO_TOAST_ID,
        duration: UNDO_TOAST_MS,
        action: { label: intl.formatMessage({ id: 'inboxActions.undo.button' }), onClick: undo },
      });
    },
    [intl, mutate],
  );
}
