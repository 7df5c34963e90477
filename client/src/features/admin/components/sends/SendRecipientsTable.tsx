import { Users } from 'lucide-react';
import type { SendDto, SendRecipientDto } from '@shared/schemas/sends';
import { useNow } from '../../../../hooks/useNow';
import { useSendRecipients } from '../../api/getSendRecipients';
import { pageItems } from '../../utils/pages';
import { DataTable } from '../common/DataTable';
import { EmptyState, LoadMore } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { RelativeTime } from '../common/TimeCell';

/** A recipient's read state: archived wins over read, which wins over unread. */
function ReadState({ recipient, now }: { recipient: SendRecipientDto; now: number }) {
  if (recipient.archivedAt) {
    return (
      <span className="read-state read-state--archived">
        Archived <RelativeTime iso={recipient.archivedAt} now={now} />
      </span>
    );
  }
  if (recipient.readAt) {
    return (
      <span className="read-state read-state--read">
        Read <RelativeTime iso={recipient.readAt} now={now} />
      </span>
    );
  }
  return (
    <span className="read-state read-state--unread">
      Unread{recipient.seenAt && <span className="muted"> · seen</span>}
    </span>
  );
}

/** The people a send reached, with their read state; a scheduled send has none yet. */
export function SendRecipientsTable({ send }: { send: SendDto }) {
  const waiting = send.status === 'scheduled' || send.status === 'cancelled';
  const query = useSendRecipients(send.id, !waiting);
  const now = useNow(30_000);

  if (waiting) {
    return (
      <EmptyState Icon={Users} title={send.status === 'scheduled' ? 'Not sent yet' : 'Never sent'}>
        {send.status === 'scheduled'
          ? 'Recipients receive it, and appear here, once it goes out.'
          : 'This send was cancelled before it went out.'}
      </EmptyState>
    );
  }
  const items = pageItems(query.data);
  return (
    <QueryView
      query={query}
      loadingLabel="Loading recipients"
      errorTitle="Couldn’t load the recipients"
      isEmpty={() => items.length === 0}
      empty={<EmptyState Icon={Users} title="No recipients" />}
    >
      {() => (
        <>
          <DataTable testId="send-recipients" columns={send.actions.length > 0 ? ['Name', 'Email', 'Read state', 'Action'] : ['Name', 'Email', 'Read state']}>
            {items.map((recipient) => (
              <tr key={recipient.notificationId}>
                <td data-label="Name" className="data-table__primary">
                  {recipient.name}
                </td>
                <td data-label="Email">{recipient.email}</td>
                <td data-label="Read state">
                  <ReadState recipient={recipient} now={now} />
                </td>
                {send.actions.length > 0 && (
                  <td data-label="Action">
                    {send.actions.find((a) => a.id === recipient.actedActionId)?.label ?? <span className="muted">—</span>}
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
          <LoadMore query={query} />
        </>
      )}
    </QueryView>
  );
}
