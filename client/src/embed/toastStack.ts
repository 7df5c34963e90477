import { oneLineExcerpt } from '@shared/excerpt';
import type { NotificationDto } from '@shared/schemas/notification';
import { actionLink, type OpenAction } from './actionLink.js';
import { h } from './dom.js';
import type { EmbedTranslator } from './messages.js';

/** How long a toast stays, in ms, not counting while it is hovered, focused or the page hidden (sonner's default, as in the app). */
export const TOAST_DURATION_MS = 4_000;
/** Toasts shown at once; a new one beyond it replaces the oldest that is not critical. */
export const MAX_TOASTS = 3;
const EXCERPT_LENGTH = 120;

/** What a toast asks its element to do. */
export interface ToastActions {
  /** Follow a notification's link (as a feed row does). */
  open: OpenAction;
  /** Show the feed (a toast without a link, the replay summary). */
  view: () => void;
  /** The focused toast went away: where focus goes instead. */
  refocus: () => void;
  /** The element's language now (it may change while toasts are up). */
  translator: () => EmbedTranslator;
}

interface Toast {
  key: string;
  root: HTMLElement;
  /** Stays until closed. */
  critical: boolean;
  /** Time left before it goes, in ms. */
  remaining: number;
  started: number;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * The toasts under the bell, newest first: one per live notification, or one summary after a reconnect.
 * Like the app's (sonner): a few seconds each, paused while hovered, focused or the page is hidden; a
 * critical one (or a summary covering one) stays until its close button; focus is never taken. They sit
 * in ARIA live regions created up front (assertive for critical ones, polite otherwise), so screen readers
 * announce each as it is added.
 *
 * @example
 * const toasts = new ToastStack(actions);
 * shadowRoot.append(toasts.root);
 * toasts.showNotification(item);
 */
export class ToastStack {
  readonly root = h('div', { class: 'toasts' });
  private readonly assertive = h('div', { attrs: { 'aria-live': 'assertive' } });
  private readonly polite = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly shown: Toast[] = [];
  /** Critical toasts beyond MAX_TOASTS while every shown one is critical: they wait for a free place. */
  private readonly waiting: Toast[] = [];
  private readonly pausedBy = new Set<'pointer' | 'focus' | 'hidden'>();

  constructor(private readonly actions: ToastActions) {
    this.root.append(this.assertive, this.polite);
    const pause = (reason: 'pointer' | 'focus', on: boolean) => () => this.setPaused(reason, on);
    this.root.addEventListener('pointerenter', pause('pointer', true));
    this.root.addEventListener('pointerleave', pause('pointer', false));
    this.root.addEventListener('focusin', pause('focus', true));
    this.root.addEventListener('focusout', pause('focus', false));
  }

  /**
   * A toast for one live notification (title, body excerpt, its link or "show the feed", a close button).
   * False when it is not shown: MAX_TOASTS critical ones are up and it is not critical (a critical one then
   * waits for a place, and counts as shown).
   */
  showNotification(item: NotificationDto): boolean {
    const title = h('span', { class: 'toast-title', text: item.title });
    const content: Node[] = [title];
    if (item.body) content.push(h('span', { class: 'toast-text', text: oneLineExcerpt(item.body, EXCERPT_LENGTH, { wordBreakAfter: 0.6 }) }));
    const key = `notification-${item.id}`;
    const open: OpenAction = (current, navigate) => {
      this.dismissKey(key);
      this.actions.open(current, navigate);
    };
    const main = actionLink(() => item, 'toast-main', open, content) ?? this.viewButton(key, content);
    return this.add(key, item.title, item.priority, main);
  }

  /** The one toast summing up what a reconnect brought: `count` notifications, `critical` of them critical and unread. False as above. */
  showSummary(count: number, critical: number): boolean {
    const { t } = this.actions.translator();
    const title = t('embed.toast.summary', { count });
    const content: Node[] = [h('span', { class: 'toast-title', text: title })];
    if (critical > 0) content.push(h('span', { class: 'toast-text', text: t('embed.toast.critical', { count: critical }) }));
    return this.add('replay-summary', title, critical > 0 ? 'critical' : 'normal', this.viewButton('replay-summary', content));
  }

  /** Closes every toast but the critical ones (the feed is open and shows what they say). */
  dismissPassing(): void {
    for (const toast of [...this.shown]) if (!toast.critical) this.dismiss(toast);
  }

  /** Closes every toast (the user is signed out, or another one starts). */
  clear(): void {
    this.waiting.length = 0;
    for (const toast of [...this.shown]) this.dismiss(toast);
  }

  private viewButton(key: string, content: Node[]): HTMLButtonElement {
    const button = h('button', { class: 'toast-main', attrs: { type: 'button' } }, ...content);
    button.addEventListener('click', () => {
      this.dismissKey(key);
      this.actions.view();
    });
    return button;
  }

  private add(key: string, title: string, priority: NotificationDto['priority'], main: HTMLElement): boolean {
    const critical = priority === 'critical';
    const close = h('button', { class: 'toast-close', attrs: { type: 'button', 'aria-label': this.actions.translator().t('embed.toast.dismiss', { title }) } }, h('span', { text: '×', attrs: { 'aria-hidden': 'true' } }));
    const root = h(
      'div',
      { class: `toast toast--${priority}`, attrs: { part: critical ? 'toast toast-critical' : 'toast', 'data-testid': 'flashnotify-toast', 'data-priority': priority } },
      main,
      close,
    );
    const toast: Toast = { key, root, critical, remaining: critical ? Infinity : TOAST_DURATION_MS, started: 0 };
    close.addEventListener('click', () => this.dismiss(toast));
    this.dismissKey(key);
    if (this.shown.length >= MAX_TOASTS) {
      const oldest = this.shown.find((shown) => !shown.critical);
      if (oldest) {
        this.dismiss(oldest);
      } else {
        // Only critical ones up: a passing one would be gone before they are (the feed and badge have it).
        if (critical) this.waiting.push(toast);
        return critical;
      }
    }
    this.insert(toast);
    return true;
  }

  private insert(toast: Toast): void {
    (toast.critical ? this.assertive : this.polite).prepend(toast.root);
    this.shown.push(toast);
    this.run(toast);
    this.watchVisibility();
  }

  private dismissKey(key: string): void {
    const shown = this.shown.find((toast) => toast.key === key);
    if (shown) this.dismiss(shown);
    const waiting = this.waiting.findIndex((toast) => toast.key === key);
    if (waiting >= 0) this.waiting.splice(waiting, 1);
  }

  private dismiss(toast: Toast): void {
    const index = this.shown.indexOf(toast);
    if (index < 0) return;
    const hadFocus = toast.root.contains((this.root.getRootNode() as ShadowRoot).activeElement);
    clearTimeout(toast.timer);
    toast.root.remove();
    this.shown.splice(index, 1);
    if (hadFocus) {
      // A removed element fires no focusout: the pause it set ends here.
      this.setPaused('focus', false);
      this.actions.refocus();
    }
    const next = this.waiting.shift();
    if (next) this.insert(next);
    this.watchVisibility();
  }

  private run(toast: Toast): void {
    if (toast.remaining === Infinity || this.pausedBy.size > 0) return;
    toast.started = Date.now();
    toast.timer = setTimeout(() => this.dismiss(toast), toast.remaining);
  }

  private setPaused(reason: 'pointer' | 'focus' | 'hidden', on: boolean): void {
    const wasPaused = this.pausedBy.size > 0;
    if (on) this.pausedBy.add(reason);
    else this.pausedBy.delete(reason);
    if (wasPaused === this.pausedBy.size > 0) return;
    for (const toast of this.shown) {
      if (toast.remaining === Infinity) continue;
      if (wasPaused) {
        this.run(toast);
      } else {
        clearTimeout(toast.timer);
        toast.remaining -= Date.now() - toast.started;
      }
    }
  }

  /** Listens to the page's visibility only while a toast is up (nothing stays registered on a removed element). */
  private watchVisibility(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    if (this.shown.length > 0) document.addEventListener('visibilitychange', this.onVisibility);
    else this.pausedBy.delete('hidden');
  }

  private readonly onVisibility = () => this.setPaused('hidden', document.hidden);
}
