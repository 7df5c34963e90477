import type { IntlShape } from 'react-intl';
import { toast } from 'sonner';
import { oneLineExcerpt } from '@shared/excerpt';
import type { NotificationDto } from '@shared/schemas/notification';

const SNIPPET_LENGTH = 120;

/** Shortens a body to one toast line, on a word boundary when possible, never inside an emoji. */
export function snippet(text: string, max = SNIPPET_LENGTH): string {
  return oneLineExcerpt(text, max, { wordBreakAfter: 0.6 });
}

/**
 * Toast for one live notification; "View" opens the inbox. Sonner never moves focus. A critical one
 * stays until dismissed (its close button, reachable with Tab; or Alt+T to reach the toasts), since a
 * critical alert that vanished while nobody looked is as good as lost.
 */
export function showNotificationToast(intl: IntlShape, item: NotificationDto, openInbox: () => void): void {
  const urgent = item.priority === 'high' || item.priority === 'critical';
  toast(item.title, {
    id: `notification-${item.id}`,
    description: item.body ? snippet(item.body) : undefined,
    className: urgent ? `toast--${item.priority}` : undefined,
    duration: item.priority === 'critical' ? Infinity : undefined,
    action: { label: intl.formatMessage({ id: 'realtime.toast.view' }), onClick: openInbox },
  });
}

/** The single summary toast after a reconnect replay; it stays until dismissed when it covers a critical one. */
export function showReplaySummaryToast(intl: IntlShape, count: number, openInbox: () => void, critical = 0): void {
  toast(intl.formatMessage({ id: 'realtime.toast.replayed' }, { count }), {
    id: 'replay-summary',
    description: critical > 0 ? intl.formatMessage({ id: 'realtime.toast.critical' }, { count: critical }) : undefined,
    className: critical > 0 ? 'toast--critical' : undefined,
    duration: critical > 0 ? Infinity : undefined,
    action: { label: intl.formatMessage({ id: 'realtime.toast.view' }), onClick: openInbox },
  });
}
