import { Users } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
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
        <FormattedMessage id="admin.send.state.archived" values={{ when: <RelativeTime iso={recipient.archivedAt} now={now} /> }} />
      </span>
    );
  }
  if (recipient.readAt) {
    return (
      <span className="read-state read-state--read">
        <FormattedMessage id="admin.send.state.read" values={{ when: <RelativeTime iso={recipient.readAt} now={now} /> }} />
      </span>
    );
  }
  return (
    <span className="read-state read-state--unread">
      <FormattedMessage id="admin.send.state.unread" />
      {recipient.seenAt && (
        <span className="muted">
          {' · '}
          <FormattedMessage id="admin.send.state.seen" />
        </span>
      )}
    </span>
  );
}

/** The people a send reached, with their read state; a scheduled send has none yet. */
export function SendRecipientsTable({ send }: { send: SendDto }) {
  const intl = useIntl();
  const waiting = send.status === 'scheduled' || send.status === 'cancelled';
  const query = useSendRecipients(send.id, !waiting);
  const now = useNow(30_000);

  if (waiting) {
    return (
      <EmptyState Icon={Users} title={intl.formatMessage({ id: send.status === 'scheduled' ? 'admin.send.recipients.notYet' : 'admin.send.recipients.never' })}>
        <FormattedMessage id={send.status === 'scheduled' ? 'admin.send.recipients.notYetText' : 'admin.send.recipients.neverText'} />
      </EmptyState>
    );
  }
  const items = pageItems(query.data);
  const column = {
    name: intl.formatMessage({ id: 'admin.col.name' }),
    email: intl.formatMessage({ id: 'common.email' }),
    readState: intl.formatMessage({ id: 'admin.send.col.readState' }),
    action: intl.formatMessage({ id: 'admin.send.col.action' }),
  };
  return (
    <QueryView
      query={query}
      loadingLabel={intl.formatMessage({ id: 'admin.send.recipients.loading' })}
      errorTitle={intl.formatMessage({ id: 'admin.send.recipients.loadFailed' })}
      isEmpty={() => items.length === 0}
      empty={<EmptyState Icon={Users} title={intl.formatMessage({ id: 'admin.send.recipients.empty' })} />}
    >
      {() => (
        <>
          <DataTable testId="send-recipients" columns={send.actions.length > 0 ? [column.name, column.email, column.readState, column.action] : [column.name, column.email, column.readState]}>
            {items.map((recipient) => (
              <tr key={recipient.notificationId}>
                <td data-label={column.name} className="data-table__primary">
                  {recipient.name}
                </td>
                <td data-label={column.email}>{recipient.email}</td>
                <td data-label={column.readState}>
                  <ReadState recipient={recipient} now={now} />
                </td>
                {send.actions.length > 0 && (
                  <td data-label={column.action}>
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
