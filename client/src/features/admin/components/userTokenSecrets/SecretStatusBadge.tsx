import { FormattedMessage } from 'react-intl';
import type { UserTokenSecretStatus } from '@shared/schemas/userTokens';

const BADGES = {
  active: { label: 'admin.userTokens.status.active', className: 'status-badge--sent' },
  retiring: { label: 'admin.userTokens.status.retiring', className: 'status-badge--retiring' },
  expired: { label: 'admin.userTokens.status.expired', className: '' },
  revoked: { label: 'admin.userTokens.status.revoked', className: 'status-badge--revoked' },
} as const satisfies Record<UserTokenSecretStatus, { label: string; className: string }>;

/** A secret's status as a coloured pill: green active, amber retiring, grey expired, red revoked. */
export function SecretStatusBadge({ status }: { status: UserTokenSecretStatus }) {
  const { label, className } = BADGES[status];
  return (
    <span className={`status-badge ${className}`} data-testid="user-token-secret-status">
      <FormattedMessage id={label} />
    </span>
  );
}
