import type { NotificationDto } from '@shared/schemas/notification';
import { toActionTarget } from '../lib/actionUrl.js';
import { formatFullDate, formatRelativeTime } from '../lib/time.js';
import { h } from './dom.js';

/** What a row asks its element to do. */
export interface ItemActions {
  /** The user followed the item's action (its link); `navigate` goes there once the item is marked read. */
  open: (item: NotificationDto, navigate: (() => void) | null) => void;
  toggleRead: (item: NotificationDto) => void;
  archive: (item: NotificationDto) => void;
}

/** True when a click asks the browser for a new tab or window (then the browser navigates, not us). */
const opensElsewhere = (event: MouseEvent) => event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;

/**
 * One row of the feed, kept across renders (updated in place, so a focused button stays focused). The
 * link follows the app's rule (lib/actionUrl.ts): another site opens in a new tab without a handle on
 * this window; a path is the host page's own (its origin, not FlashNotify's), opened in the same tab
 * after the item is marked read; anything else is no link at all.
 *
 * @example
 * const view = new ItemView(item, actions);
 * list.append(view.root);
 * view.update(changed, Date.now(), labelOf);
 */
export class ItemView {
  readonly root: HTMLLIElement;
  private item: NotificationDto;
  private readonly title = h('span', { class: 'item-title' });
  private readonly text = h('span', { class: 'item-text' });
  private readonly meta = h('span', { class: 'item-meta' });
  private readonly unreadMark = h('span', { class: 'sr-only', text: 'Unread: ' });
  private readonly readButton = h('button', { class: 'link-button', attrs: { type: 'button' } });
  private readonly archiveButton = h('button', { class: 'link-button', text: 'Archive', attrs: { type: 'button' } });

  constructor(item: NotificationDto, actions: ItemActions) {
    this.item = item;
    const main = this.mainElement(item, actions, [h('span', {}, this.unreadMark, this.title), this.text, this.meta]);
    this.readButton.addEventListener('click', () => actions.toggleRead(this.item));
    this.archiveButton.addEventListener('click', () => actions.archive(this.item));
    this.root = h(
      'li',
      { class: `item item--${item.priority}`, attrs: { 'data-id': item.id, 'data-testid': 'flashnotify-item' } },
      h('span', { class: 'item-dot', attrs: { 'aria-hidden': 'true' } }),
      main,
      h('span', { class: 'item-actions' }, this.readButton, this.archiveButton),
    );
  }

  /** Shows `item` (the same id, maybe read or unread now); `labelOf` names its category. */
  update(item: NotificationDto, now: number, labelOf: (key: string) => string): void {
    this.item = item;
    const unread = item.readAt === null;
    this.root.dataset.read = unread ? 'false' : 'true';
    this.unreadMark.hidden = !unread;
    this.title.textContent = item.title;
    this.text.textContent = item.body;
    this.meta.textContent = `${labelOf(item.category)} · ${formatRelativeTime(item.createdAt, now)}`;
    this.meta.title = formatFullDate(item.createdAt);
    this.readButton.textContent = unread ? 'Mark as read' : 'Mark as unread';
    this.readButton.setAttribute('aria-label', `${unread ? 'Mark as read' : 'Mark as unread'}: ${item.title}`);
    this.archiveButton.setAttribute('aria-label', `Archive: ${item.title}`);
  }

  private mainElement(item: NotificationDto, actions: ItemActions, content: Node[]): HTMLElement {
    const target = toActionTarget(item.actionUrl);
    if (!target) return h('span', { class: 'item-main' }, ...content);
    if (target.kind === 'external') {
      const link = h('a', { class: 'item-main', attrs: { href: target.href, target: '_blank', rel: 'noopener noreferrer' } }, ...content);
      link.append(h('span', { class: 'sr-only', text: ' (opens in a new tab)' }));
      link.addEventListener('click', () => actions.open(this.item, null));
      return link;
    }
    const link = h('a', { class: 'item-main', attrs: { href: target.path } }, ...content);
    link.addEventListener('click', (event) => {
      if (opensElsewhere(event)) return actions.open(this.item, null);
      // Leaving the page would cancel the request that marks it read: navigate once it is done.
      event.preventDefault();
      actions.open(this.item, () => window.location.assign(link.href));
    });
    return link;
  }
}
