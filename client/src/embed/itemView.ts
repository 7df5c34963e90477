import type { NotificationAction } from '@shared/schemas/actions';
import type { NotificationDto } from '@shared/schemas/notification';
import { checkIconUrl } from '@shared/urls';
import { toActionTarget } from '../lib/actionUrl.js';
import { SNOOZE_PRESETS, type SnoozePreset } from '../lib/snoozePresets.js';
import { actionLink, type OpenAction } from './actionLink.js';
import { h } from './dom.js';
import type { EmbedTranslator } from './messages.js';

/** What a row asks its element to do. */
export interface ItemActions {
  /** The user followed the item's action (its link); `navigate` goes there once the item is marked read. */
  open: OpenAction;
  toggleRead: (item: NotificationDto) => void;
  archive: (item: NotificationDto) => void;
  togglePin: (item: NotificationDto) => void;
  delete: (item: NotificationDto) => void;
  /** Hides the item until `preset`'s time (snoozePresets.ts), as of the click. */
  snooze: (item: NotificationDto, preset: SnoozePreset) => void;
  /** One of the item's action buttons (issue 11); a `url` one navigates after (see actionButton). */
  act: (item: NotificationDto, action: NotificationAction) => void;
}

/** What a row is said with: the element's translator, and its ages and dates in the same language. */
export interface ItemTexts extends EmbedTranslator {
  /** "5 minutes ago" (relativeTimeFormatter). */
  formatAge: (iso: string, now: number) => string;
  /** The date and time in full, for the time's tooltip. */
  formatDate: (iso: string) => string;
  /** Each snooze preset's button text ("Tomorrow, 9:00 AM"). */
  snoozeLabels: Record<SnoozePreset, string>;
}

/**
 * One row of the feed, kept across renders (updated in place, so a focused button stays focused). Its
 * link follows the app's rule (actionLink.ts); its time is a `<time>` saying how long ago, with the
 * absolute date and time as its title, refreshed by `tick`. "Mark as read" and "Archive" are always shown;
 * "More" (a disclosure button) shows a row of the rarer ones under it: pin / unpin, delete, and snooze with
 * its presets (no picker of any time: the web app has one).
 *
 * @example
 * const view = new ItemView(item, actions);
 * list.append(view.root);
 * view.update(changed, Date.now(), labelOf, texts);
 */
export class ItemView {
  readonly root: HTMLLIElement;
  private item: NotificationDto;
  private readonly title = h('span', { class: 'item-title' });
  private readonly text = h('span', { class: 'item-text' });
  private readonly category = h('span');
  private readonly time = h('time', { attrs: { 'data-testid': 'flashnotify-time' } });
  private readonly unreadMark = h('span', { class: 'sr-only' });
  private readonly readButton = h('button', { class: 'link-button', attrs: { type: 'button' } });
  private readonly archiveButton = h('button', { class: 'link-button', attrs: { type: 'button' } });
  private readonly moreButton = h('button', { class: 'link-button', attrs: { type: 'button', 'aria-expanded': 'false' } });
  private readonly pinButton = h('button', { class: 'link-button', attrs: { type: 'button' } });
  private readonly deleteButton = h('button', { class: 'link-button', attrs: { type: 'button' } });
  private readonly pinnedMark = h('span', { class: 'item-pinned', attrs: { 'data-testid': 'flashnotify-pinned' } });
  private readonly snoozeTitle = h('span', { class: 'item-more-label', attrs: { 'aria-hidden': 'true' } });
  private readonly snoozeButtons = SNOOZE_PRESETS.map((preset) => {
    const button = h('button', { class: 'link-button', attrs: { type: 'button', 'data-preset': preset } });
    button.addEventListener('click', () => this.actions.snooze(this.item, preset));
    return button;
  });
  private readonly snoozeGroup = h('span', { class: 'item-snooze', attrs: { role: 'group' } }, this.snoozeTitle, ...this.snoozeButtons);
  private readonly more = h('span', { class: 'item-more' }, this.pinButton, this.deleteButton, this.snoozeGroup);
  private texts: ItemTexts | undefined;
  private readonly icon = h('img', { class: 'item-icon', attrs: { alt: '', width: '28', height: '28', loading: 'lazy', referrerpolicy: 'no-referrer' } });
  private readonly buttons = h('span', { class: 'item-buttons', attrs: { role: 'group' } });
  /** What the buttons were last built from: rebuilt only when it changes, so a focused one keeps focus. */
  private buttonsKey = '';
  private readonly actions: ItemActions;

  constructor(item: NotificationDto, actions: ItemActions) {
    this.item = item;
    this.actions = actions;
    // A broken image is hidden, never a broken-image box; the row keeps its look without an icon.
    this.icon.addEventListener('error', () => (this.icon.hidden = true));
    const content = [h('span', {}, this.unreadMark, this.title), this.text, h('span', { class: 'item-meta' }, this.pinnedMark, this.category, this.time)];
    const main = actionLink(() => this.item, 'item-main', actions.open, content) ?? h('span', { class: 'item-main' }, ...content);
    this.readButton.addEventListener('click', () => actions.toggleRead(this.item));
    this.archiveButton.addEventListener('click', () => actions.archive(this.item));
    this.pinButton.addEventListener('click', () => actions.togglePin(this.item));
    this.deleteButton.addEventListener('click', () => actions.delete(this.item));
    this.more.id = `fn-more-${item.id}`;
    this.more.hidden = true;
    this.moreButton.setAttribute('aria-controls', this.more.id);
    this.moreButton.addEventListener('click', () => {
      this.more.hidden = !this.more.hidden;
      this.moreButton.setAttribute('aria-expanded', String(!this.more.hidden));
    });
    this.root = h(
      'li',
      { class: `item item--${item.priority}`, attrs: { 'data-id': item.id, 'data-testid': 'flashnotify-item' } },
      h('span', { class: 'item-dot', attrs: { 'aria-hidden': 'true' } }),
      this.icon,
      h('span', { class: 'item-body' }, main, this.buttons, this.more),
      h('span', { class: 'item-actions' }, this.readButton, this.archiveButton, this.moreButton),
    );
  }

  /** Shows `item` (the same id, maybe read or unread now) in `texts`' language; `labelOf` names its category. */
  update(item: NotificationDto, now: number, labelOf: (key: string) => string, texts: ItemTexts): void {
    this.item = item;
    this.texts = texts;
    const { t } = texts;
    const unread = item.readAt === null;
    this.root.dataset.read = unread ? 'false' : 'true';
    this.unreadMark.hidden = !unread;
    this.title.textContent = item.title;
    this.text.textContent = item.body;
    this.category.textContent = `${labelOf(item.category)} · `;
    this.time.dateTime = item.createdAt;
    this.time.title = texts.formatDate(item.createdAt);
    this.tick(now);
    this.unreadMark.textContent = t('embed.item.unread');
    this.readButton.textContent = t(unread ? 'embed.item.markRead' : 'embed.item.markUnread');
    this.readButton.setAttribute('aria-label', t(unread ? 'embed.item.markReadLabel' : 'embed.item.markUnreadLabel', { title: item.title }));
    this.archiveButton.textContent = t('embed.item.archive');
    this.archiveButton.setAttribute('aria-label', t('embed.item.archiveLabel', { title: item.title }));
    this.moreButton.textContent = t('embed.item.more');
    this.moreButton.setAttribute('aria-label', t('embed.item.moreLabel', { title: item.title }));
    const pinned = item.pinnedAt !== null;
    this.root.dataset.pinned = String(pinned);
    this.pinnedMark.hidden = !pinned;
    this.pinnedMark.textContent = t('embed.item.pinned');
    this.pinButton.textContent = t(pinned ? 'embed.item.unpin' : 'embed.item.pin');
    this.pinButton.setAttribute('aria-label', t(pinned ? 'embed.item.unpinLabel' : 'embed.item.pinLabel', { title: item.title }));
    this.deleteButton.textContent = t('embed.item.delete');
    this.deleteButton.setAttribute('aria-label', t('embed.item.deleteLabel', { title: item.title }));
    this.snoozeTitle.textContent = t('embed.item.snooze');
    this.snoozeGroup.setAttribute('aria-label', t('embed.item.snoozeLabel', { title: item.title }));
    SNOOZE_PRESETS.forEach((preset, index) => (this.snoozeButtons[index]!.textContent = texts.snoozeLabels[preset]));
    const icon = item.icon && checkIconUrl(item.icon).ok ? item.icon : null;
    if (icon && this.icon.getAttribute('src') !== icon) {
      this.icon.hidden = false;
      this.icon.src = icon;
    }
    if (!icon) this.icon.hidden = true;
    this.renderButtons(item);
  }

  /** The action buttons: outside the item's link; once one is taken, its label with ✓ and the others disabled. */
  private renderButtons(item: NotificationDto): void {
    const key = JSON.stringify([item.actions, item.actedActionId, this.texts?.locale]);
    if (key === this.buttonsKey) return;
    this.buttonsKey = key;
    this.buttons.hidden = item.actions.length === 0;
    this.buttons.setAttribute('aria-label', this.texts?.t('embed.item.actionsLabel', { title: item.title }) ?? item.title);
    const taken = item.actions.find((a) => a.id === item.actedActionId);
    this.buttons.replaceChildren(
      ...item.actions.map((action) => this.actionButton(action, taken)),
      ...(taken ? [h('span', { class: 'item-acted', text: `${taken.label} ✓`, attrs: { 'data-testid': 'flashnotify-acted' } })] : []),
    );
  }

  private actionButton(action: NotificationAction, taken: NotificationAction | undefined): HTMLElement {
    const className = `action-button action-button--${action.style}${taken?.id === action.id ? ' action-button--taken' : ''}`;
    const target = action.kind === 'url' ? toActionTarget(action.url ?? null) : null;
    if (target && (!taken || taken.id === action.id)) {
      // Like the item's link (actionLink.ts): another site in a new tab, a path of the host page in this one.
      const external = target.kind === 'external';
      const link = h('a', { class: className, text: action.label, attrs: external ? { href: target.href, target: '_blank', rel: 'noopener noreferrer' } : { href: target.path } });
      link.addEventListener('click', () => {
        if (!taken) this.actions.act(this.item, action);
      });
      return link;
    }
    // Not a toggle (aria-pressed): an answer is given once; the "✓" status beside the buttons says which.
    const button = h('button', { class: className, text: action.label, attrs: { type: 'button' } });
    button.disabled = taken !== undefined || action.kind === 'url';
    button.addEventListener('click', () => this.actions.act(this.item, action));
    return button;
  }

  /** Says again how long ago the item came, as of `now` (ms since the epoch). */
  tick(now: number): void {
    if (this.texts) this.time.textContent = this.texts.formatAge(this.item.createdAt, now);
  }
}
