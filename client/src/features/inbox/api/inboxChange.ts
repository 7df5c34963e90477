import { useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import type { MessageId } from '../../../i18n/messageIds';
import { useInboxExtensions } from '../components/inboxExtensions';
import { rollBack, type InboxSnapshot } from '../utils/optimistic';

/**
 * What every optimistic inbox change (read, archive, pin, snooze, delete, bulk, mark all read) works with:
 * the query cache, the page's Undo offer (InboxExtensions.offerUndo, where there is one), and the way back
 * when the server refuses the change.
 *
 * @example
 * const { queryClient, offerUndo, refused } = useInboxChange();
 * useMutation({ …, onError: (_e, _v, snapshot) => refused(snapshot, 'inbox.updateFailed') });
 */
export function useInboxChange() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { notifyError } = useInboxEnvironment();
  const { offerUndo } = useInboxExtensions();
  return {
    queryClient,
    offerUndo,
    /** Puts the lists and counts back as they were and tells the user the change failed. */
    refused: (snapshot: InboxSnapshot | undefined, message: MessageId) => {
      rollBack(queryClient, snapshot);
      notifyError({ title: intl.formatMessage({ id: message }) });
    },
  };
}
