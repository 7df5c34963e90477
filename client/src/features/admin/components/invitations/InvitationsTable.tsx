import { useState } from 'react';
import { MailPlus } from 'lucide-react';
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

const STATUS: Record<InvitationStatus, { label: string; badge: string }> = {
  pending: { label: 'Pending', badge: 'scheduled' },
  accepted: { label: 'Accepted', badge: 'sent' },
  revoked: { label: 'Revoked', badge: 'cancelled' },
  expired: { label: 'Expired', badge: 'failed' },
};

/** Recent invitations with their status; "Resend" (new link) and "Revoke" while not yet accepted. */
export function InvitationsTable() {
  const invitations = useInvitations();
  const resend = useChangeInvitation('resend');
  const revoke = useChangeInvitation('revoke');
  const now = useNow(30_000);
  const [revoking, setRevoking] = useState<InvitationDto | null>(null);
  const pending = invitations.data?.filter((i) => i.status === 'pending').length ?? 0;

  return (
    <TableCard titleId="invitations-title" title="Invitations" count={invitations.data && `${pending} pending`}>
      <QueryView
        query={invitations}
        loadingLabel="Loading invitations"
        skeletonRows={2}
        errorTitle="Couldn’t load invitations"
        isEmpty={(data) => data.length === 0}
        empty={
          <EmptyState Icon={MailPlus} title="No invitations yet">
            Invite people above to give them an account.
          </EmptyState>
        }
      >
        {(data) => (
          <DataTable testId="invitations-table" columns={['Email', 'Name', 'Role', 'Sent', 'Expires', 'Status', ACTIONS_COLUMN]}>
            {data.map((invitation) => (
              <tr key={invitation.id} data-testid="invitation-row" className={invitation.status === 'pending' ? undefined : 'is-muted'}>
                <td data-label="Email" className="data-table__primary">
                  {invitation.email}
                </td>
                <td data-label="Name">{invitation.name}</td>
                <td data-label="Role">{invitation.role === 'admin' ? 'Admin' : 'User'}</td>
                <td data-label="Sent">
                  <RelativeTime iso={invitation.sentAt} now={now} />
                </td>
                <td data-label="Expires">
                  <RelativeTime iso={invitation.expiresAt} now={now} />
                </td>
                <td data-label="Status">
                  <span className={`status-badge status-badge--${STATUS[invitation.status].badge}`}>{STATUS[invitation.status].label}</span>
                </td>
                <td data-label="Actions" className="data-table__actions">
                  {(invitation.status === 'pending' || invitation.status === 'expired') && (
                    <button
                      type="button"
                      className="btn btn--ghost btn--sm"
                      aria-label={`Resend the invitation to ${invitation.email}`}
                      disabled={resend.isPending}
                      onClick={() => resend.mutate(invitation.id)}
                    >
                      Resend
                    </button>
                  )}
                  {(invitation.status === 'pending' || invitation.status === 'expired') && (
                    <button
                      type="button"
                      className="btn btn--ghost btn--sm btn--danger-text"
                      aria-label={`Revoke the invitation to ${invitation.email}`}
                      onClick={() => setRevoking(invitation)}
                    >
                      Revoke
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
        title={`Revoke the invitation to ${revoking?.email ?? ''}?`}
        confirmLabel="Revoke invitation"
        pending={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
      >
        <p>The link in their email stops working at once. You can invite them again later.</p>
      </ConfirmDialog>
    </TableCard>
  );
}
