import type { NotificationDto } from '@shared/schemas/notification';
import { toActionTarget } from '../lib/actionUrl.js';
import { h } from './dom.js';

/** The user followed a notification's action (its link); `navigate` goes there once it is marked read. */
export type OpenAction = (item: NotificationDto, navigate: (() => void) | null) => void;

/** True when a click asks the browser for a new tab or window (then the browser navigates, not us). */
const opensElsewhere = (event: MouseEvent) => event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;

/**
 * The link a notification's `actionUrl` makes, by the app's rule (lib/actionUrl.ts), for a feed row and a
 * toast alike: another site opens in a new tab without a handle on this window; a path is the host page's
 * own (its origin, not FlashNotify's), opened in the same tab after the item is marked read. Null when the
 * item has no usable link. `current` gives the item as it is now (a row is updated in place).
 *
 * @example
 * const link = actionLink(() => item, 'toast-main', open, [title, text]) ?? h('span', {}, title, text);
 */
export function actionLink(current: () => NotificationDto, className: string, open: OpenAction, content: Node[]): HTMLAnchorElement | null {
  const target = toActionTarget(current().actionUrl);
  if (!target) return null;
  if (target.kind === 'external') {
    const link = h('a', { class: className, attrs: { href: target.href, target: '_blank', rel: 'noopener noreferrer' } }, ...content);
    link.append(h('span', { class: 'sr-only', text: ' (opens in a new tab)' }));
    link.addEventListener('click', () => open(current(), null));
    return link;
  }
  const link = h('a', { class: className, attrs: { href: target.path } }, ...content);
  link.addEventListener('click', (event) => {
    if (opensElsewhere(event)) return open(current(), null);
    // Leaving the page would cancel the request that marks it read: navigate once it is done.
    event.preventDefault();
    open(current(), () => window.location.assign(link.href));
  });
  return link;
}
