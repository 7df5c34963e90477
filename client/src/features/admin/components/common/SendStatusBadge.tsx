import clsx from 'clsx';
import type { SendStatus } from '@shared/types';

const LABELS: Record<SendStatus, string> = {
  scheduled: 'Scheduled',
  processing: 'Processing',
  sent: 'Sent',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** A send's status as a coloured pill. */
export function SendStatusBadge({ status }: { status: SendStatus }) {
  return (
    <span className={clsx('status-badge', `status-badge--${status}`)} data-testid="send-status">
      {LABELS[status]}
    </span>
  );
}

/** Display name of a send status. */
export function sendStatusLabel(status: SendStatus): string {
  return LABELS[status];
}
