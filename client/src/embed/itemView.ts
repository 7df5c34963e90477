import type { NotificationDto } from '@shared/schemas/notification';
import { formatFullDate } from '../lib/time.js';
import { actionLink, type OpenAction } from './actionLink.js';
import { h } from './dom.js';
import { relativeTimeFormatter } from './relativeTime.js';

/** What a row asks its element to do. */
export interface ItemActions {
  /** The user followed the item's action (its link); `navigate` goes there once the item is marked read. */
  open: OpenAction;
  toggleRead: (item: NotificationDto) => void;
  archive: (item: NotificationDto) => void;
}

const formatAge = relativeTimeFormatter();

/**
 * One row of the feed, kept across renders (updated in place, so a focused button stays focused). Its
 * link follows the app's rule (actionLink.ts); its time is a `<time>` saying how long ago, with the
 * absolute date and time as its title, refreshed by `tick`.
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
  private readonly category = h('span');
  private readonly time = h('time', { attrs: { 'data-testid': 'flashnotify-time' } });
  private readonly unreadMark = h('span', { class: 'sr-only', text: 'Unread: ' });
  private readonly readButton = h('button', { class: 'link-button', attrs: { type: 'button' } });
  private readonly archiveButton = h('button', { class: 'link-button', text: 'Archive', attrs: { type: 'button' } });

  constructor(item: NotificationDto, actions: ItemActions) {
    this.item = item;
    const content = [h('span', {}, this.unreadMark, this.title), this.text, h('span', { class: 'item-meta' }, this.category, this.time)];
    const main = actionLink(() => this.item, 'item-main', actions.open, content) ?? h('span', { class: 'item-main' }, ...content);
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
    this.category.textContent = `${labelOf(item.category)} · `;
    this.time.dateTime = item.createdAt;
    this.time.title = formatFullDate(item.createdAt);
    this.tick(now);
    this.readButton.textContent = unread ? 'Mark as read' : 'Mark as unread';
    this.readButton.setAttribute('aria-label', `${unread ? 'Mark as read' : 'Mark as unread'}: ${item.title}`);
    this.archiveButton.setAttribute('aria-label', `Archive: ${item.title}`);
  }

  /** Says again how long ago the item came, as of `now` (ms since the epoch). */
  tick(now: number): void {
    this.time.textContent = formatAge(this.item.createdAt, now);
  }
}
