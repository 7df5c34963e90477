import type { NotificationDto } from '@shared/schemas/notification';
import type { ConnectionState } from '../lib/connection.js';
import type { SnoozePreset } from '../lib/snoozePresets.js';
import { bellIcon, h } from './dom.js';
import { ItemView, type ItemActions, type ItemTexts } from './itemView.js';
import { embedTranslator, type EmbedMessageId, type EmbedTranslator } from './messages.js';
import { fullDateFormatter, relativeTimeFormatter, TIME_TICK_MS, timeFormatter } from './relativeTime.js';
import { ELEMENT_CSS } from './styles.js';
import { ToastStack } from './toastStack.js';

/** What the feed area says instead of (or before) items. */
export type FeedMessage = 'loading' | 'error' | 'empty' | 'no-match' | 'signed-out' | 'not-configured' | 'origin-not-allowed' | null;

const MESSAGES: Record<Exclude<FeedMessage, null>, EmbedMessageId> = {
  loading: 'embed.loading',
  error: 'embed.message.error',
  empty: 'embed.message.empty',
  // A search found nothing (its text is `query`).
  'no-match': 'embed.message.noMatch',
  'signed-out': 'embed.message.signedOut',
  'not-configured': 'embed.message.notConfigured',
  // For the host's developers: the one thing that fixes it.
  'origin-not-allowed': 'embed.message.originNotAllowed',
};

/** A state in which the element stopped for good (until its attributes change), besides the socket's. */
type FinalState = 'signed-out' | 'origin-not-allowed';

const CONNECTION_TEXT: Record<ConnectionState, EmbedMessageId | null> = {
  connecting: 'embed.connection.connecting',
  connected: null,
  reconnecting: 'embed.connection.reconnecting',
  offline: 'embed.connection.offline',
};

/** The `state` of the bell's label (`embed.bell.label`). */
const BELL_STATE: Record<ConnectionState | FinalState, string> = {
  connected: '',
  connecting: 'connecting',
  reconnecting: 'reconnecting',
  offline: 'offline',
  'signed-out': 'signedOut',
  'origin-not-allowed': 'unavailable',
};
const isFinal = (state: ConnectionState | FinalState): state is FinalState => state === 'signed-out' || state === 'origin-not-allowed';

/** Longest search text (the API's `q`). */
const SEARCH_MAX = 100;

/** Each snooze preset's text, in `t`'s language with `formatTime`'s times (the presets wake at 9:00 but "later"). */
function snoozeLabels(t: EmbedTranslator['t'], formatTime: (date: Date) => string): Record<SnoozePreset, string> {
  const nine = formatTime(new Date(2000, 0, 3, 9));
  return { later: t('embed.snooze.later'), tomorrow: t('embed.snooze.tomorrow', { time: nine }), nextWeek: t('embed.snooze.nextWeek', { time: nine }) };
}

/** What the view asks its element to do. */
export interface ViewActions extends ItemActions {
  opened: () => void;
  /** The search field's text changed (as typed: the element trims and debounces it). */
  search: (text: string) => void;
  markAllRead: () => void;
  loadMore: () => void;
  retry: () => void;
}

let panelIds = 0;

/**
 * The styles as a constructed stylesheet where the browser has them: a host page whose CSP has no
 * `style-src 'unsafe-inline'` would block a `<style>` element, not an adopted sheet. Older browsers get the element.
 */
function adoptStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(ELEMENT_CSS);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = ELEMENT_CSS;
  root.append(style);
}

/**
 * The element's shadow DOM: the bell with its exact badge, its toasts, and the popover (role dialog) with
 * the feed. Focus moves into the popover when it opens and back to the bell when Escape closes it; a click
 * outside the element closes it too. While it is open, no toast shows (the feed has the new item on top)
 * and the items' times are refreshed every TIME_TICK_MS. It renders what it is given and holds no inbox
 * state of its own. It speaks its translator's language (`setTranslator` switches it, texts and all).
 *
 * @example
 * const view = new InboxView(element.attachShadow({ mode: 'open' }), actions);
 * view.setUnread(3);
 */
export class InboxView {
  private readonly bell = h('button', { class: 'bell', attrs: { type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', part: 'bell' } });
  private readonly badge = h('span', { class: 'badge', attrs: { 'data-testid': 'flashnotify-badge', 'aria-hidden': 'true', part: 'badge' } });
  private readonly offlineDot = h('span', { class: 'dot-offline', attrs: { 'aria-hidden': 'true' } });
  private readonly announcer = h('span', { class: 'sr-only', attrs: { 'aria-live': 'polite' } });
  private readonly panel = h('div', { class: 'panel', attrs: { role: 'dialog', tabindex: '-1', part: 'panel' } });
  private readonly heading = h('h2', { class: 'title' });
  private readonly status = h('p', { class: 'status', attrs: { role: 'status', 'data-testid': 'flashnotify-connection' } });
  /**
   * What became of the user's last change (done, with its Undo button beside; or failed and undone): a live
   * region kept in the page (empty, not hidden), so each text is announced.
   */
  private readonly notice = h('p', { class: 'notice', attrs: { role: 'status', 'data-testid': 'flashnotify-notice' } });
  private readonly undoButton = h('button', { class: 'link-button', attrs: { type: 'button', 'data-testid': 'flashnotify-undo' } });
  private readonly noticeRow = h('div', { class: 'notice-row' }, this.notice, this.undoButton);
  private onUndo: (() => void) | undefined;
  /** Bumped by every notice: withdrawing an older one leaves a newer one alone. */
  private noticeId = 0;
  private readonly search = h('input', { class: 'search', attrs: { type: 'search', maxlength: String(SEARCH_MAX), autocomplete: 'off', 'data-testid': 'flashnotify-search' } });
  private readonly searchRow = h('div', { class: 'search-row' }, this.search);
  /** The search the feed message names (`no-match`). */
  private messageQuery = '';
  private readonly markAllButton = h('button', { class: 'link-button', attrs: { type: 'button' } });
  private readonly message = h('p', { class: 'message', attrs: { 'data-testid': 'flashnotify-message' } });
  private readonly retryButton = h('button', { class: 'link-button', attrs: { type: 'button' } });
  private readonly list = h('ul', { class: 'list' });
  private readonly footer = h('div', { class: 'footer' });
  private readonly loadMoreButton = h('button', { class: 'link-button', attrs: { type: 'button' } });
  private readonly views = new Map<string, ItemView>();
  private readonly toasts: ToastStack;
  private unread = 0;
  private connection: ConnectionState | FinalState = 'connecting';
  private ticker: ReturnType<typeof setInterval> | undefined;
  private feedMessage: FeedMessage = null;
  private loadMoreBusy = false;
  private texts!: ItemTexts;

  constructor(
    private readonly root: ShadowRoot,
    private readonly actions: ViewActions,
    translator: EmbedTranslator = embedTranslator([]),
  ) {
    this.panel.id = `flashnotify-panel-${++panelIds}`;
    this.panel.hidden = true;
    this.bell.append(bellIcon(), this.badge, this.offlineDot);
    this.footer.append(this.loadMoreButton);
    this.panel.append(
      h('div', { class: 'header' }, this.heading, this.status, this.markAllButton),
      this.searchRow,
      this.noticeRow,
      h('div', { class: 'body' }, this.message, this.list, this.footer),
    );
    this.message.after(h('p', { class: 'message' }, this.retryButton));
    this.toasts = new ToastStack({ open: actions.open, view: () => this.open(), refocus: () => this.bell.focus(), translator: () => this.texts });
    adoptStyles(root);
    root.append(this.bell, this.announcer, this.toasts.root, this.panel);

    this.bell.addEventListener('click', () => (this.isOpen ? this.close(false) : this.open()));
    this.markAllButton.addEventListener('click', () => actions.markAllRead());
    this.loadMoreButton.addEventListener('click', () => actions.loadMore());
    this.retryButton.addEventListener('click', () => actions.retry());
    this.undoButton.addEventListener('click', () => {
      const undo = this.onUndo;
      this.showNotice(this.texts.t('embed.done.undone'));
      // The button is gone: focus stays in the popover.
      this.panel.focus();
      undo?.();
    });
    this.search.addEventListener('input', () => actions.search(this.search.value));
    this.search.addEventListener('keydown', (event) => {
      // Escape empties a search first; only an empty field lets it close the popover.
      if (event.key !== 'Escape' || this.search.value === '') return;
      event.preventDefault();
      event.stopPropagation();
      this.search.value = '';
      actions.search('');
    });
    this.setTranslator(translator);
    this.showNotice(null);
    this.setMessage(null);
    this.showLoadMore(false);
  }

  /**
   * Speaks `translator`'s language from now on: the fixed texts at once, the items at their next render
   * (the element renders them again), the toasts from the next one.
   */
  setTranslator(translator: EmbedTranslator): void {
    const { t, locale } = translator;
    this.texts = { ...translator, formatAge: relativeTimeFormatter(locale), formatDate: fullDateFormatter(locale), snoozeLabels: snoozeLabels(t, timeFormatter(locale)) };
    this.root.host.setAttribute('lang', locale);
    this.heading.textContent = t('embed.title');
    this.panel.setAttribute('aria-label', t('embed.title'));
    this.list.setAttribute('aria-label', t('embed.title'));
    this.markAllButton.textContent = t('embed.markAllRead');
    this.retryButton.textContent = t('embed.tryAgain');
    this.undoButton.textContent = t('embed.undo');
    this.search.setAttribute('aria-label', t('embed.search.label'));
    this.search.placeholder = t('embed.search.placeholder');
    this.setUnread(this.unread);
    this.setConnection(this.connection);
    this.setMessage(this.feedMessage, this.messageQuery);
    this.showLoadMore(!this.footer.hidden, this.loadMoreBusy);
  }

  /** The unread count the badge shows. */
  get unreadCount(): number {
    return this.unread;
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  open(): void {
    if (this.isOpen) return;
    this.panel.hidden = false;
    this.bell.setAttribute('aria-expanded', 'true');
    this.bell.setAttribute('aria-controls', this.panel.id);
    this.panel.focus();
    this.toasts.dismissPassing();
    this.toasts.root.hidden = true;
    this.ticker = setInterval(() => this.tick(), TIME_TICK_MS);
    document.addEventListener('pointerdown', this.onOutsidePointer, true);
    document.addEventListener('keydown', this.onDocumentKey);
    this.actions.opened();
  }

  close(returnFocus: boolean): void {
    if (!this.isOpen) return;
    this.panel.hidden = true;
    this.bell.setAttribute('aria-expanded', 'false');
    this.bell.removeAttribute('aria-controls');
    this.toasts.root.hidden = false;
    clearInterval(this.ticker);
    this.showNotice(null);
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
    document.removeEventListener('keydown', this.onDocumentKey);
    if (returnFocus) this.bell.focus();
  }

  /** The exact unread count: badge (99+ above 99), the bell's label and a polite announcement. */
  setUnread(unread: number): void {
    this.unread = unread;
    this.badge.textContent = unread > 99 ? '99+' : String(unread);
    this.badge.hidden = unread === 0;
    this.announcer.textContent = unread > 0 ? this.texts.t('embed.unreadAnnouncement', { count: unread }) : '';
    this.markAllButton.disabled = unread === 0;
    this.updateBellLabel();
  }

  /** The socket's state, shown only when not connected (a dot on the bell, a line in the popover), or a final state. */
  setConnection(state: ConnectionState | FinalState): void {
    this.connection = state;
    const id = isFinal(state) ? null : CONNECTION_TEXT[state];
    const text = id ? this.texts.t(id) : '';
    this.status.textContent = text;
    this.status.hidden = text === '';
    this.status.dataset.state = state;
    this.offlineDot.hidden = state === 'connected' || state === 'signed-out';
    this.updateBellLabel();
  }

  /** What the feed area says (`query`: the search a `no-match` names), or nothing. */
  setMessage(message: FeedMessage, query = ''): void {
    this.feedMessage = message;
    this.messageQuery = query;
    this.message.textContent = message ? this.texts.t(MESSAGES[message], { origin: location.origin, query }) : '';
    this.message.hidden = message === null;
    this.message.dataset.kind = message ?? '';
    (this.retryButton.parentElement as HTMLElement).hidden = message !== 'error';
  }

  /**
   * A short line under the popover's header, or none: a change done (with an Undo button when `onUndo` is
   * given: its click says "Undone." and calls it), or one that failed and was undone. Cleared when the popover
   * closes. Returns what clears it, unless another notice has replaced it since.
   */
  showNotice(text: string | null, onUndo?: () => void): () => void {
    const id = ++this.noticeId;
    this.notice.textContent = text ?? '';
    this.noticeRow.dataset.shown = String(text !== null);
    this.onUndo = onUndo;
    const hadFocus = this.root.activeElement === this.undoButton;
    this.undoButton.hidden = !onUndo;
    if (hadFocus && !onUndo) this.panel.focus();
    return () => {
      if (id === this.noticeId) this.showNotice(null);
    };
  }

  /** Shows the search field (the `search` attribute), or hides it and empties it. */
  showSearch(visible: boolean): void {
    this.searchRow.hidden = !visible;
    if (!visible) this.search.value = '';
  }

  /** Empties the search field (a restart: the element searches nothing any more). */
  clearSearch(): void {
    this.search.value = '';
  }

  /** A toast for a live notification, unless the popover is open (its feed shows it on top); true when shown. */
  showToast(item: NotificationDto): boolean {
    return !this.isOpen && this.toasts.showNotification(item);
  }

  /** The summary toast of a reconnect's replay (`count` notifications, `critical` of them critical), unless the popover is open; true when shown. */
  showReplaySummary(count: number, critical: number): boolean {
    return !this.isOpen && this.toasts.showSummary(count, critical);
  }

  clearToasts(): void {
    this.toasts.clear();
  }

  showLoadMore(visible: boolean, busy = false): void {
    this.footer.hidden = !visible;
    this.loadMoreButton.disabled = busy;
    this.loadMoreBusy = busy;
    this.loadMoreButton.textContent = this.texts.t(busy ? 'embed.loading' : 'embed.loadMore');
  }

  /** Shows `items` in this order, reusing each row's nodes (focus stays where it was, unless its row went). */
  renderItems(items: readonly NotificationDto[], labelOf: (key: string) => string): void {
    const keep = new Set(items.map((item) => item.id));
    let lostFocus = false;
    for (const [id, view] of this.views) {
      if (keep.has(id)) continue;
      lostFocus ||= view.root.contains(this.root.activeElement);
      view.root.remove();
      this.views.delete(id);
    }
    const now = Date.now();
    let previous: Node | null = null;
    for (const item of items) {
      let view = this.views.get(item.id);
      if (!view) {
        view = new ItemView(item, this.actions);
        this.views.set(item.id, view);
      }
      view.update(item, now, labelOf, this.texts);
      const expected: ChildNode | null = previous ? previous.nextSibling : this.list.firstChild;
      if (expected !== view.root) this.list.insertBefore(view.root, expected);
      previous = view.root;
    }
    this.list.hidden = items.length === 0;
    // The row with the focus went (archived, deleted, snoozed): to its Undo when there is one, else the popover.
    if (lostFocus) (this.undoButton.hidden ? this.panel : this.undoButton).focus();
  }

  private tick(): void {
    const now = Date.now();
    for (const view of this.views.values()) view.tick(now);
  }

  private updateBellLabel(): void {
    this.bell.setAttribute('aria-label', this.texts.t('embed.bell.label', { unread: this.unread, state: BELL_STATE[this.connection] }));
  }

  private readonly onOutsidePointer = (event: PointerEvent) => {
    if (!event.composedPath().includes(this.root.host)) this.close(false);
  };

  private readonly onDocumentKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.close(true);
  };
}
