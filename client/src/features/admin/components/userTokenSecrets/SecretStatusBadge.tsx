import type { UserTokenSecretStatus } from '@shared/schemas/userTokens';

const BADGES: Record<UserTokenSecretStatus, { label: string; className: string }> = {
  active: { label: 'Active', className: 'status-badge--sent' },
  retiring: { label: 'Retiring', className: 'status-badge--retiring' },
  expired: { label: 'Expired', className: '' },
  revoked: { label: 'Revoked', className: 'status-badge--revoked' },
};

/** A secret's status as a coloured pill: green active, amber retiring, grey expired, red revoked. */
export function SecretStatusBadge({ status }: { status: UserTokenSecretStatus }) {
  const { label, className } = BADGES[status];
  return (
    <span className={`status-badge ${className}`} data-testid="user-token-secret-status">
      {label}
    </span>
  );
}
