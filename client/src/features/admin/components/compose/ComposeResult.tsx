import type { Ref } from 'react';
import { CalendarClock, CircleCheck, CircleX, X } from 'lucide-react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { Link } from 'react-router';
import type { CreateNotificationResult } from '@shared/schemas/notification';
import { formatFullDate } from '../../../../i18n/dates';
import { formatPeople } from '../../utils/format';
import { SendStatusBadge } from '../common/SendStatusBadge';

interface ComposeResultProps {
  result: CreateNotificationResult;
  onDismiss: () => void;
  /** The panel itself: the composer moves focus here after a send, so the result is seen and read out. */
  panelRef?: Ref<HTMLDivElement>;
}

function headline(intl: IntlShape, { status, recipientCount, scheduledAt }: CreateNotificationResult): string {
  const people = formatPeople(intl, recipientCount);
  if (status === 'scheduled') {
    return scheduledAt
      ? intl.formatMessage({ id: 'admin.compose.result.scheduled' }, { when: formatFullDate(intl, scheduledAt), people })
      : intl.formatMessage({ id: 'admin.compose.result.scheduledLater' }, { people });
  }
  if (status === 'processing') return intl.formatMessage({ id: 'admin.compose.result.processing' }, { people });
  if (status === 'sent') return intl.formatMessage({ id: 'admin.compose.result.sent' }, { people });
  if (status === 'cancelled') return intl.formatMessage({ id: 'admin.compose.result.cancelled' });
  return intl.formatMessage({ id: 'admin.compose.result.failed' });
}

/** What happened to the last send: status, reach, and a link to its detail page; the form is ready for the next one. */
export function ComposeResult({ result, onDismiss, panelRef }: ComposeResultProps) {
  const intl = useIntl();
  const failed = result.status === 'failed' || result.status === 'cancelled';
  const Icon = failed ? CircleX : result.status === 'scheduled' ? CalendarClock : CircleCheck;
  const dismiss = intl.formatMessage({ id: 'admin.compose.result.dismiss' });
  return (
    <div
      ref={panelRef}
      className={failed ? 'result-panel result-panel--error' : 'result-panel'}
      role="status"
      tabIndex={-1}
      data-testid="compose-result"
    >
      <Icon size={20} className="result-panel__icon" aria-hidden />
      <div className="result-panel__text">
        <p className="result-panel__title">{headline(intl, result)}</p>
        <p className="result-panel__meta">
          <SendStatusBadge status={result.status} />
          <Link to={`/admin/sends/${encodeURIComponent(result.sendId)}`}>
            <FormattedMessage id="admin.compose.result.details" />
          </Link>
        </p>
      </div>
      <button type="button" className="icon-btn" aria-label={dismiss} title={dismiss} onClick={onDismiss}>
        <X size={16} aria-hidden />
      </button>
    </div>
  );
}
