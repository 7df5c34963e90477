import { RefreshCw } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();
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
      <td data-label={intl.formatMessage({ id: 'admin.col.name' })} className="data-table__primary">
        {secret.name}
        {secret.replacedBy && (
          <span className="data-table__sub">
            <FormattedMessage id="admin.userTokens.replacedBy" values={{ kid: <code>{secret.replacedBy}</code> }} />
          </span>
        )}
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.userTokens.col.kid' })}>
        <span className="kid-cell">
          <code data-testid="user-token-secret-kid-cell">{secret.id}</code>
          <CopyButton text={secret.id} label={intl.formatMessage({ id: 'admin.userTokens.copyKid' }, { kid: secret.id })} iconOnly />
        </span>
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.userTokens.col.secret' })}>
        <code title={intl.formatMessage({ id: 'admin.userTokens.hintTitle' })}>…{secret.hint}</code>
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.col.status' })}>
        <SecretStatusBadge status={status} />
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.col.created' })}>
        <span className="stacked nowrap">
          <RelativeTime iso={secret.createdAt} now={now} />
          {secret.createdBy && (
            <span className="data-table__sub">
              <FormattedMessage id="admin.userTokens.createdBy" values={{ name: secret.createdBy }} />
            </span>
          )}
        </span>
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.userTokens.col.ends' })}>
        <SecretEnd secret={secret} status={status} now={now} />
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.table.actions' })} className="data-table__actions">
        {status === 'active' && (
          <button type="button" className="btn btn--ghost btn--sm" aria-label={intl.formatMessage({ id: 'admin.userTokens.rotateLabel' }, { which })} onClick={onRotate}>
            <RefreshCw size={13} aria-hidden />
            <FormattedMessage id="admin.userTokens.rotate" />
          </button>
        )}
        {verifies(status) && (
          <button type="button" className="btn btn--ghost btn--sm btn--danger-text" aria-label={intl.formatMessage({ id: 'admin.revokeLabel' }, { name: which })} onClick={onRevoke}>
            <FormattedMessage id="admin.revoke" />
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
        <FormattedMessage id="admin.userTokens.end.revoked" values={{ when: <RelativeTime iso={secret.revokedAt} now={now} /> }} />
      </span>
    );
  }
  if (status === 'retiring') {
    return (
      <span>
        <FormattedMessage id="admin.userTokens.end.until" values={{ when: <FullTime iso={secret.expiresAt} /> }} />
      </span>
    );
  }
  if (status === 'expired') {
    return (
      <span>
        <FormattedMessage id="admin.userTokens.end.expired" values={{ when: <RelativeTime iso={secret.expiresAt} now={now} /> }} />
      </span>
    );
  }
  return (
    <span className="muted">
      <FormattedMessage id="admin.userTokens.end.none" />
    </span>
  );
}
