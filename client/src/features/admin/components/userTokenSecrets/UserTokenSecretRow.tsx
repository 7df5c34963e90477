import { RefreshCw } from 'lucide-react';
import type { UserTokenSecretDto, UserTokenSecretStatus } from '@shared/schemas/userTokens';
import { CopyButton } from '../common/CopyButton';
import { FullTime, RelativeTime } from '../common/TimeCell';
import { SecretStatusBadge } from './SecretStatusBadge';
import { secretStatusAt, verifies } from './secretStatus';

interface UserTokenSecretRowProps {
  secret: UserTokenSecretDto;
  now: number;
  onRotate: () => void;
  onRevoke: () => void;
}

/**
 * One secret: name (and its successor once rotated), `kid` to copy, hint, status, creation, end, and the
 * actions its status allows: "Rotate" while active, "Revoke" while it verifies.
 */
export function UserTokenSecretRow({ secret, now, onRotate, onRevoke }: UserTokenSecretRowProps) {
  const status = secretStatusAt(secret, now);
  // The actions' names carry the kid: a rotation's successor has the same name as the secret it replaced.
  const which = `${secret.name} (${secret.id})`;
  return (
    <tr
      className={verifies(status) ? 'secret-row' : 'secret-row is-muted'}
      data-testid="user-token-secret-row"
      data-secret-id={secret.id}
      data-status={status}
      // Focus lands here when the button that opened a dialog is gone (the row was rotated or revoked).
      tabIndex={-1}
    >
      <td data-label="Name" className="data-table__primary">
        {secret.name}
        {secret.replacedBy && (
          <span className="data-table__sub">
            Replaced by <code>{secret.replacedBy}</code>
          </span>
        )}
      </td>
      <td data-label="Key ID (kid)">
        <span className="kid-cell">
          <code data-testid="user-token-secret-kid-cell">{secret.id}</code>
          <CopyButton text={secret.id} label={`Copy kid ${secret.id}`} iconOnly />
        </span>
      </td>
      <td data-label="Secret">
        <code title="The secret’s last 4 characters">…{secret.hint}</code>
      </td>
      <td data-label="Status">
        <SecretStatusBadge status={status} />
      </td>
      <td data-label="Created">
        <span className="stacked nowrap">
          <RelativeTime iso={secret.createdAt} now={now} />
          {secret.createdBy && <span className="data-table__sub">by {secret.createdBy}</span>}
        </span>
      </td>
      <td data-label="Ends">
        <SecretEnd secret={secret} status={status} now={now} />
      </td>
      <td data-label="Actions" className="data-table__actions">
        {status === 'active' && (
          <button type="button" className="btn btn--ghost btn--sm" aria-label={`Rotate ${which}`} onClick={onRotate}>
            <RefreshCw size={13} aria-hidden />
            Rotate
          </button>
        )}
        {verifies(status) && (
          <button type="button" className="btn btn--ghost btn--sm btn--danger-text" aria-label={`Revoke ${which}`} onClick={onRevoke}>
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}

/** When a secret stops (or stopped) verifying, as one element: the narrow layout gives a cell's value one grid cell. */
function SecretEnd({ secret, status, now }: { secret: UserTokenSecretDto; status: UserTokenSecretStatus; now: number }) {
  if (status === 'revoked') {
    return (
      <span>
        Revoked <RelativeTime iso={secret.revokedAt} now={now} />
      </span>
    );
  }
  if (status === 'retiring') {
    return (
      <span>
        Until <FullTime iso={secret.expiresAt} />
      </span>
    );
  }
  if (status === 'expired') {
    return (
      <span>
        Expired <RelativeTime iso={secret.expiresAt} now={now} />
      </span>
    );
  }
  return <span className="muted">No end</span>;
}
