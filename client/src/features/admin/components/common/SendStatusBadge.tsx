import clsx from 'clsx';
import { FormattedMessage, type IntlShape } from 'react-intl';
import type { SendStatus } from '@shared/types';

const LABEL_IDS = {
  scheduled: 'admin.sendStatus.scheduled',
  processing: 'admin.sendStatus.processing',
  sent: 'admin.sendStatus.sent',
  cancelled: 'admin.sendStatus.cancelled',
  failed: 'admin.sendStatus.failed',
} as const satisfies Record<SendStatus, string>;

/** A send's status as a coloured pill. */
export function SendStatusBadge({ status }: { status: SendStatus }) {
  return (
    <span className={clsx('status-badge', `status-badge--${status}`)} data-testid="send-status">
      <FormattedMessage id={LABEL_IDS[status]} />
    </span>
  );
}

/** Display name of a send status, in the reader's language. */
export function sendStatusLabel(intl: IntlShape, status: SendStatus): string {
  return intl.formatMessage({ id: LABEL_IDS[status] });
}
