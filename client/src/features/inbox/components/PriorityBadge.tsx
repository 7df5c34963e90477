import { AlertTriangle, ArrowUp } from 'lucide-react';
import { FormattedMessage } from 'react-intl';
import type { Priority } from '@shared/types';

/** Marks high and critical notifications; normal and low ones need no badge. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  if (priority === 'critical') {
    return (
      <span className="priority priority--critical">
        <AlertTriangle size={12} aria-hidden />
        <FormattedMessage id="inbox.priority.critical" />
      </span>
    );
  }
  if (priority === 'high') {
    return (
      <span className="priority priority--high">
        <ArrowUp size={12} aria-hidden />
        <FormattedMessage id="inbox.priority.high" />
      </span>
    );
  }
  return null;
}
