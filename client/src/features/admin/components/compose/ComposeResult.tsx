import type { Ref } from 'react';
import { CalendarClock, CircleCheck, CircleX, X } from 'lucide-react';
import { Link } from 'react-router';
import type { CreateNotificationResult } from '@shared/schemas/notification';
import { formatFullDate } from '../../../../lib/time';
import { formatPeople } from '../../utils/format';
import { SendStatusBadge } from '../common/SendStatusBadge';

interface ComposeResultProps {
  result: CreateNotificationResult;
  onDismiss: () => void;
  /** The panel itself: the composer moves focus here after a send, so the result is seen and read out. */
  panelRef?: Ref<HTMLDivElement>;
}

function headline({ status, recipientCount, scheduledAt }: CreateNotificationResult): string {
  if (status === 'scheduled') return `Scheduled for ${scheduledAt ? formatFullDate(scheduledAt) : 'later'} · ${formatPeople(recipientCount)}`;
  if (status === 'processing') return `Sent — delivering to ${formatPeople(recipientCount)}`;
  if (status === 'sent') return `Sent to ${formatPeople(recipientCount)}`;
  if (status === 'cancelled') return 'Cancelled before it went out';
  return 'The send failed';
}

/** What happened to the last send: status, reach, and a link to its detail page; the form is ready for the next one. */
export function ComposeResult({ result, onDismiss, panelRef }: ComposeResultProps) {
  const failed = result.status === 'failed' || result.status === 'cancelled';
  const Icon = failed ? CircleX : result.status === 'scheduled' ? CalendarClock : CircleCheck;
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
        <p className="result-panel__title">{headline(result)}</p>
        <p className="result-panel__meta">
          <SendStatusBadge status={result.status} />
          <Link to={`/admin/sends/${encodeURIComponent(result.sendId)}`}>View send details</Link>
        </p>
      </div>
      <button type="button" className="icon-btn" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
        <X size={16} aria-hidden />
      </button>
    </div>
  );
}
