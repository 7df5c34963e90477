import { CalendarClock, CircleCheck, CircleX } from 'lucide-react';
import { Link } from 'react-router';
import type { CreateNotificationResult } from '@shared/schemas/notification';
import { formatFullDate } from '../../../../lib/time';
import { formatPeople } from '../../utils/format';
import { SendStatusBadge } from '../common/SendStatusBadge';

interface ComposeResultProps {
  result: CreateNotificationResult;
  onComposeAnother: () => void;
}

function headline({ status, recipientCount, scheduledAt }: CreateNotificationResult): string {
  if (status === 'scheduled') return `Scheduled for ${scheduledAt ? formatFullDate(scheduledAt) : 'later'} · ${formatPeople(recipientCount)}`;
  if (status === 'processing') return `Sent — delivering to ${formatPeople(recipientCount)}`;
  if (status === 'sent') return `Sent to ${formatPeople(recipientCount)}`;
  if (status === 'cancelled') return 'Cancelled before it went out';
  return 'The send failed';
}

/** What happened to the send: status, reach, and a link to its detail page. */
export function ComposeResult({ result, onComposeAnother }: ComposeResultProps) {
  const failed = result.status === 'failed' || result.status === 'cancelled';
  const Icon = failed ? CircleX : result.status === 'scheduled' ? CalendarClock : CircleCheck;
  return (
    <div className={failed ? 'result-panel result-panel--error' : 'result-panel'} role="status" data-testid="compose-result">
      <Icon size={20} className="result-panel__icon" aria-hidden />
      <div className="result-panel__text">
        <p className="result-panel__title">{headline(result)}</p>
        <p className="result-panel__meta">
          <SendStatusBadge status={result.status} />
          <Link to={`/admin/sends/${encodeURIComponent(result.sendId)}`}>View send details</Link>
        </p>
      </div>
      <button type="button" className="btn btn--secondary btn--sm" onClick={onComposeAnother}>
        Compose another
      </button>
    </div>
  );
}
