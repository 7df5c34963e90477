import { useState } from 'react';
import { MailPlus } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { InvitationDto, InvitationStatus } from '@shared/schemas/account';
import { useNow } from '../../../../hooks/useNow';
import { useChangeInvitation } from '../../api/invitations/changeInvitation';
import { useInvitations } from '../../api/invitations/getInvitations';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ACTIONS_COLUMN, DataTable } from '../common/DataTable';
import { EmptyState } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { TableCard } from '../common/TableCard';
import { RelativeTime } from '../common/TimeCell';

const STATUS = {
  pending: { label: 'admin.invitations.status.pending', badge: 'scheduled' },
  accepted: { label: 'admin.invitations.status.accepted', badge: 'sent' },
  revoked: { label: 'admin.invitations.status.revoked', badge: 'cancelled' },
  expired: { label: 'admin.invitations.status.expired', badge: 'failed' },
} as const satisfies Record<InvitationStatus, { label: string; badge: string }>;

/** Recent invitations with their status; "Resend" (new link) and "Revoke" while not yet accepted. */
export function InvitationsTable() {
  const intl = useIntl();
  const invitations = useInvitations();
  const resend = useChangeInvitation('resend');
  const revoke = useChangeInvitation('revoke');
  const now = useNow(30_000);
  const [revoking, setRevoking] = useState<InvitationDto | null>(null);
  const pending = invitations.data?.filter((i) => i.status === 'pending').length ?? 0;

  return (
    <TableCard titleId="invitations-title" title={intl.formatMessage({ id: 'admin.invitations.title' })}
      count={invitations.data && intl.formatMessage({ id: 'admin.invitations.pendingCount' }, { count: pending })}
    >
      <QueryView
        query={invitations}
        loadingLabel={intl.formatMessage({ id: 'admin.invitations.loading' })}
        skeletonRows={2}
        errorTitle={intl.formatMessage({ id: 'admin.invitations.loadFailed' })}
        isEmpty={(data) => data.length === 0}
        empty={
          <EmptyState Icon={MailPlus} title={intl.formatMessage({ id: 'admin.invitations.empty.title' })}>
            <FormattedMessage id="admin.invitations.empty.text" />
          </EmptyState>
        }
      >
        {(data) => (
          <DataTable testId="invitations-table" columns={[
              intl.formatMessage({ id: 'common.email' }),
              intl.formatMessage({ id: 'admin.col.name' }),
              intl.formatMessage({ id: 'admin.users.col.role' }),
              intl.formatMessage({ id: 'admin.invitations.col.sent' }),
              intl.formatMessage({ id: 'admin.invitations.col.expires' }),
              intl.formatMessage({ id: 'admin.col.status' }),
              ACTIONS_COLUMN,
            ]}>
            {data.map((invitation) => (
              <tr key={invitation.id} data-testid="invitation-row" className={invitation.status === 'pending' ? undefined : 'is-muted'}>
                <td data-label={intl.formatMessage({ id: 'common.email' })} className="data-table__primary">
                  {invitation.email}
                </td>
                <td data-label={intl.formatMessage({ id: 'admin.col.name' })}>{invitation.name}</td>
                <td data-label={intl.formatMessage({ id: 'admin.users.col.role' })}>
                  <FormattedMessage id={invitation.role === 'admin' ? 'auth.demo.role.admin' : 'auth.demo.role.user'} />
                </td>
                <td data-label={intl.formatMessage({ id: 'admin.invitations.col.sent' })}>
                  <RelativeTime iso={invitation.sentAt} now={now} />
                </td>
                <td data-label={intl.formatMessage({ id: 'admin.invitations.col.expires' })}>
                  <RelativeTime iso={invitation.expiresAt} now={now} />
                </td>
                <td data-label={intl.formatMessage({ id: 'admin.col.status' })}>
                  <span className={`status-badge status-badge--${STATUS[invitation.status].badge}`}>
                    <FormattedMessage id={STATUS[invitation.status].label} />
                  </span>
                </td>
                <td data-label={intl.formatMessage({ id: 'admin.table.actions' })} className="data-table__actions">
                  {(invitation.status === 'pending' || invitation.status === 'expired') && (
                    <button
                      type="button"
                      className="btn btn--ghost btn--sm"
                      aria-label={intl.formatMessage({ id: 'admin.invitations.resendLabel' }, { email: invitation.email })}
                      disabled={resend.isPending}
                      onClick={() => resend.mutate(invitation.id)}
                    >
                      <FormattedMessage id="admin.invitations.resend" />
                    </button>
                  )}
                  {(invitation.status === 'pending' || invitation.status === 'expired') && (
                    <button
                      type="button"
                      className="btn btn--ghost btn--sm btn--danger-text"
                      aria-label={intl.formatMessage({ id: 'admin.invitations.revokeLabel' }, { email: invitation.email })}
                      onClick={() => setRevoking(invitation)}
                    >
                      <FormattedMessage id="admin.revoke" />
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <ConfirmDialog
        open={revoking !== null}
        title={intl.formatMessage({ id: 'admin.invitations.revoke.title' }, { email: revoking?.email ?? '' })}
        confirmLabel={intl.formatMessage({ id: 'admin.invitations.revoke.confirm' })}
        pending={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
      >
        <p>
          <FormattedMessage id="admin.invitations.revoke.text" />
        </p>
      </ConfirmDialog>
    </TableCard>
  );
}
