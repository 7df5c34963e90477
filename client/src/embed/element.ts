import type { NotificationDto, UndoTicket, UpdateNotificationResult } from '@shared/schemas/notification';
import { isApiError } from '../lib/api.js';
import { snoozeUntil } from '../lib/snoozePresets.js';
import type { GetUserToken } from '../lib/userTokens.js';
import type { FlashNotifyEventMap } from './events.js';
import { FeedState, inAllView } from './feed.js';
import { InboxClient } from './inboxClient.js';
import { InboxView, type ViewActions } from './inboxView.js';
import { embedTranslator, type EmbedMessageId, type EmbedTranslator } from './messages.js';
import { fullDateFormatter } from './relativeTime.js';
import { ToastPolicy, type ToastRequest } from './toastPolicy.js';
import { guardTokens, isSignedOut, tokenFromUrl } from './tokenUrl.js';

/** Longest wait for "mark read" before following a same-tab link anyway. */
const OPEN_WAIT_MS = 1_500;
const DEFAULT_PAGE_SIZE = 20;
/** Quiet time after the last keystroke (or live change) before a search is sent (ms). */
const SEARCH_DEBOUNCE_MS = 300;
/**
 * How long an Undo stays offered: until its ticket's `expiresAt` by this page's clock, but at least 5 s and at
 * most a minute whatever that clock says (it may be off from the server's; the server decides, 410 after).
 */
const UNDO_SHOWN_MS = { min: 5_000, max: 60_000 };

/** What an action's answer may bring: the notification as the server has it now, and how to undo the action. */
interface Outcome {
  item?: NotificationDto;
  undo?: UndoTicket;
}

/** A PATCH answer as an Outcome: the notification, and its `undo` (when the change archived it) apart. */
const outcomeOf = ({ undo, ...item }: UpdateNotificationResult): Outcome => ({ item, undo });

/**
 * `<flashnotify-inbox base-url="https://notify.example.com" token-url="/flashnotify/token">`: a bell with
 * the exact unread count and a popover feed, live over FlashNotify's socket with the web app's gap-free
 * sync (`InboxClient`), for any page of a host app. Framework-free, in a shadow root, themed with
 * `--fn-*` custom properties and `theme="light|dark"` (README → Embeddable inbox), in the language of its
 * `locale` attribute (`fr`, `en-GB`), else the browser's (followed live). A search field in the popover's
 * header unless `search="off"`; per item pin, delete and archive (both with Undo) and snooze presets; "Mark all
 * as read" with Undo. Instead of `token-url`, a host may set the `getToken` property to a function resolving to a user token.
 *
 * @example
 * const inbox = document.querySelector('flashnotify-inbox');
 * inbox.getToken = () => myBackend.flashnotifyToken();
 * inbox.addEventListener('flashnotify:counts', (event) => updateTitle(event.detail.unread));
 */
export class FlashNotifyInboxElement extends HTMLElement {
  static readonly observedAttributes = ['base-url', 'token-url', 'page-size', 'toasts', 'locale', 'search'];

  private readonly view: InboxView;
  private tokenGetter: GetUserToken | undefined;
  private client: InboxClient | undefined;
  private feed = new FeedState();
  private labels = new Map<string, string>();
  private startPending = false;
  /** Bumped at every (re)start and first-page load, so an answer meant for an older one is dropped. */
  private generation = 0;
  private loadingMore = false;
  /** Socket events applied while a first page was on its way: applied again on top of it (it may predate them). */
  private sinceRequest: ((feed: FeedState) => void)[] | undefined;
  private readonly toasts = new ToastPolicy((toast) => this.showToast(toast));
  private translator: EmbedTranslator = embedTranslator(navigator.languages);
  /** The search the feed shows the results of ('': the whole inbox). */
  private query = '';
  /** The search as typed, sent once the typing pauses (SEARCH_DEBOUNCE_MS). */
  private nextQuery = '';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Clears the notice of the last failure (when a later change goes through), if it still shows. */
  private withdrawFailure: () => void = () => {};

  constructor() {
    super();
    this.view = new InboxView(this.attachShadow({ mode: 'open' }), this.viewActions());
  }

  /** The host's token source (overrides `token-url`): called at start, before expiry and after a refusal. */
  get getToken(): GetUserToken | undefined {
    return this.tokenGetter;
  }

  set getToken(getToken: GetUserToken | undefined) {
    this.tokenGetter = getToken;
    this.scheduleStart();
  }

  connectedCallback(): void {
    window.addEventListener('languagechange', this.onLanguageChange);
    this.applyLocale();
    this.view.showSearch(this.searchOn);
    // A property set before this module defined the element sits on the instance, shadowing the setter.
    if (Object.hasOwn(this, 'getToken')) {
      const early = (this as { getToken?: GetUserToken }).getToken;
      delete (this as { getToken?: GetUserToken }).getToken;
      this.getToken = early;
    }
    this.scheduleStart();
  }

  disconnectedCallback(): void {
    window.removeEventListener('languagechange', this.onLanguageChange);
    // Closing also ends the popover's document listeners and its clock.
    this.view.close(false);
    this.stop();
  }

  attributeChangedCallback(name: string): void {
    if (name === 'locale') this.applyLocale();
    else if (name === 'search') this.applySearchAttribute();
    else if (name !== 'toasts') this.scheduleStart();
    else if (!this.toastsOn) this.view.clearToasts();
  }

  /** `search="off"` hides the field and shows the whole inbox again. */
  private applySearchAttribute(): void {
    this.view.showSearch(this.searchOn);
    if (this.searchOn || (this.query === '' && this.nextQuery === '')) return;
    this.forgetSearch();
    void this.loadFirstPage();
  }

  private get searchOn(): boolean {
    return this.getAttribute('search') !== 'off';
  }

  /** Searches `nextQuery` (again) once nothing has changed for SEARCH_DEBOUNCE_MS: typing, or live changes to a search. */
  private scheduleSearch(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.query = this.nextQuery;
      void this.loadFirstPage();
    }, SEARCH_DEBOUNCE_MS);
  }

  /** Back to the whole inbox, the field emptied (a restart, another user, the field removed). */
  private forgetSearch(): void {
    clearTimeout(this.searchTimer);
    this.query = '';
    this.nextQuery = '';
    this.view.clearSearch();
  }

  /** Several attribute and property changes in one task start one client. */
  private scheduleStart(): void {
    if (this.startPending) return;
    this.startPending = true;
    queueMicrotask(() => {
      this.startPending = false;
      if (this.isConnected) this.start();
    });
  }

  private start(): void {
    this.stop();
    const baseUrl = this.getAttribute('base-url');
    const tokenUrl = this.getAttribute('token-url');
    const getToken = this.tokenGetter ? guardTokens(this.tokenGetter) : tokenUrl ? tokenFromUrl(tokenUrl) : undefined;
    if (!baseUrl || !getToken) {
      this.view.setMessage('not-configured');
      return;
    }
    const client = new InboxClient({ baseUrl, getToken });
    this.client = client;
    const generation = this.generation;
    const current = () => this.client === client && this.generation >= generation;
    client.on('connection', ({ state }) => current() && this.view.setConnection(state));
    client.on('counts', (counts) => {
      if (!current()) return;
      this.view.setUnread(counts.unread);
      this.dispatch('flashnotify:counts', counts);
    });
    client.on('notification', (notification, { replayed }) => {
      if (!current()) return;
      // A search shows matches only, which the server decides: it is asked again.
      if (this.query) this.scheduleSearch();
      this.applyToFeed((feed) => this.query === '' && feed.add(notification));
      this.dispatch('flashnotify:notification', { notification, replayed });
      this.toasts.received(notification, replayed);
    });
    client.on('caughtUp', () => current() && this.toasts.caughtUp());
    client.on('updated', (item) => {
      if (!current()) return;
      // A search holds matches only: one it lacks that is back in the inbox (an undo, an unarchive) may match.
      if (this.query && !this.feed.has(item.id) && inAllView(item)) this.scheduleSearch();
      this.applyToFeed((feed) => (this.query === '' || feed.has(item.id)) && feed.update(item));
    });
    client.on('bulkUpdated', (change) => current() && this.applyToFeed((feed) => feed.applyBulk(change)));
    client.on('reset', () => current() && void this.loadFirstPage());
    // The host's signed-in user changed: nothing of the previous one stays on screen (the reset reloads).
    client.on('userChanged', () => current() && this.forgetShown());
    client.on('unauthorized', () => current() && this.signOut());
    client.on('originRefused', () => current() && this.originRefused(baseUrl));
    client.connect();
    client.fetchCounts().catch((error: unknown) => this.failed(error));
    void this.loadFirstPage();
  }

  private stop(): void {
    this.generation += 1;
    this.client?.disconnect();
    this.client = undefined;
    this.feed = new FeedState();
    this.loadingMore = false;
    this.sinceRequest = undefined;
    this.toasts.reset();
    this.view.clearToasts();
    this.forgetSearch();
    this.view.setUnread(0);
    this.view.setConnection('connecting');
    this.view.showLoadMore(false);
    this.view.renderItems([], this.labelOf);
  }

  /** Clears the feed, the badge and the toasts (another user's data is coming). */
  private forgetShown(): void {
    this.feed = new FeedState();
    this.toasts.reset();
    this.view.clearToasts();
    this.forgetSearch();
    this.view.setUnread(0);
    this.view.setMessage('loading');
    this.render();
  }

  private async loadFirstPage(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const generation = ++this.generation;
    if (!this.feed.loaded) this.view.setMessage('loading');
    const since: ((feed: FeedState) => void)[] = [];
    this.sinceRequest = since;
    try {
      const [page] = await Promise.all([client.list(this.listQuery()), this.loadLabels(client)]);
      if (generation !== this.generation) return;
      this.feed.setFirstPage(page);
      for (const change of since) change(this.feed);
      this.render();
    } catch (error) {
      if (generation === this.generation) this.failed(error);
    } finally {
      if (this.sinceRequest === since) this.sinceRequest = undefined;
    }
  }

  /** A socket event's change to the feed, remembered while a first page is loading (see sinceRequest). */
  private applyToFeed(change: (feed: FeedState) => unknown): void {
    change(this.feed);
    this.sinceRequest?.push(change);
    this.render();
  }

  /** The first page's query: the page size, and the search when there is one. */
  private listQuery(): { limit: number; q?: string } {
    return { limit: this.pageSize, ...(this.query ? { q: this.query } : {}) };
  }

  private async loadMore(): Promise<void> {
    const { client, feed, generation } = this;
    if (!client || !feed.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    this.view.showLoadMore(true, true);
    try {
      const page = await client.list({ ...this.listQuery(), cursor: feed.nextCursor });
      // Not onto another first page (a new search, a reset) than the one it continues.
      if (feed === this.feed && generation === this.generation) feed.appendPage(page);
    } catch (error) {
      this.failed(error);
    } finally {
      this.loadingMore = false;
      if (feed === this.feed) this.render();
    }
  }

  private async loadLabels(client: InboxClient): Promise<void> {
    const categories = await client.categories().catch(() => []);
    for (const { key, label } of categories) this.labels.set(key, label);
  }

  private readonly labelOf = (key: string): string => this.labels.get(key) ?? key;

  /** The `locale` attribute's language if it has one, else the browser's: the view's texts, then the items again. */
  private applyLocale(): void {
    const attribute = this.getAttribute('locale');
    this.translator = embedTranslator([...(attribute ? [attribute] : []), ...navigator.languages]);
    this.view.setTranslator(this.translator);
    this.render();
  }

  private readonly onLanguageChange = () => {
    if (!this.hasAttribute('locale')) this.applyLocale();
  };

  private render(): void {
    const { feed } = this;
    this.view.renderItems(feed.items, this.labelOf);
    // Before the first page the message stays what it is (loading, or the error that stopped it).
    if (feed.loaded) this.view.setMessage(feed.items.length === 0 ? (this.query ? 'no-match' : 'empty') : null, this.query);
    this.view.showLoadMore(feed.nextCursor !== null, this.loadingMore);
  }

  /**
   * A refused token, or the host saying nobody is signed in, means signed out; anything else (the host's token
   * route failing for now included) is a failure the socket's backoff retries — its first sync reloads the feed
   * (a refused origin is the client's `originRefused`).
   */
  private failed(error: unknown): void {
    const { client } = this;
    if (!client) return;
    if (isSignedOut(error) || isApiError(error, 401)) return this.signOut();
    if (!this.feed.loaded) this.view.setMessage('error');
  }

  /** FlashNotify refuses this page's origin: final until its configuration changes (then the page is reloaded). */
  private originRefused(baseUrl: string): void {
    this.stop();
    this.view.setConnection('origin-not-allowed');
    this.view.setMessage('origin-not-allowed');
    console.error(
      `<flashnotify-inbox>: FlashNotify at ${baseUrl} refuses this page's origin (${location.origin}): add it to FlashNotify's ALLOWED_ORIGINS. The inbox stopped.`,
    );
    this.dispatch('flashnotify:error', { code: 'origin_not_allowed' });
  }

  /** Stops for good (until the attributes or `getToken` change) and forgets everything it showed. */
  private signOut(): void {
    if (!this.client) return;
    this.stop();
    this.view.setConnection('signed-out');
    this.view.setMessage('signed-out');
    this.dispatch('flashnotify:unauthorized', null);
  }

  /** Applies `edit` to the feed at once, the badge following the unread items it changed; returns what takes both back. */
  private tentatively(edit: (feed: FeedState) => void): () => void {
    const { feed } = this;
    const unreadBefore = feed.unreadCount;
    const revert = feed.tentatively(edit);
    this.view.setUnread(Math.max(0, this.view.unreadCount - (unreadBefore - feed.unreadCount)));
    this.render();
    return () => {
      if (feed !== this.feed) return;
      const unreadNow = feed.unreadCount;
      revert();
      this.view.setUnread(Math.max(0, this.view.unreadCount + feed.unreadCount - unreadNow));
      this.render();
    };
  }

  /**
   * Runs a change, shown at once: `optimistic` applies it to the feed (and the badge follows the unread items
   * it changed); the server's answer (and the socket's events) then update the feed and the badge. If the
   * server refuses or cannot be reached, the change is taken back and the popover says `failure`. `done`
   * resolves with the answer, or undefined when it failed; `revert` takes the change back on screen (an Undo).
   */
  private change(
    action: (client: InboxClient) => Promise<Outcome>,
    optimistic: (feed: FeedState) => void,
    failure: EmbedMessageId,
  ): { done: Promise<Outcome | undefined>; revert: () => void } {
    const { client } = this;
    if (!client) return { done: Promise.resolve(undefined), revert: () => {} };
    const revert = this.tentatively(optimistic);
    const done = action(client).then(
      (outcome) => {
        if (client !== this.client) return undefined;
        this.withdrawFailure();
        const { item } = outcome;
        if (item) this.applyToFeed((current) => current.update(item));
        // Without the socket no counts arrive by themselves.
        if (client.connectionState.state !== 'connected') client.fetchCounts().catch((error: unknown) => this.failed(error));
        return outcome;
      },
      (error: unknown) => {
        if (client !== this.client) return undefined;
        revert();
        this.view.setUnread(client.counts?.unread ?? this.view.unreadCount);
        if (isSignedOut(error) || isApiError(error, 401)) this.failed(error);
        else this.withdrawFailure = this.view.showNotice(this.translator.t(failure));
        return undefined;
      },
    );
    return { done, revert };
  }

  /**
   * A change with an Undo (archive, delete, mark all read): `doneText` and the Undo button show at once (so
   * focus can go to it when the focused row goes), and stay while the answer's ticket is valid. Undo takes
   * the change back on screen at once and asks the server to revert it (once the answer is there).
   */
  private undoable(doneText: EmbedMessageId, action: (client: InboxClient) => Promise<Outcome>, optimistic: (feed: FeedState) => void, failure: EmbedMessageId): void {
    let revert = () => {};
    let done: Promise<Outcome | undefined> = Promise.resolve(undefined);
    const withdraw = this.view.showNotice(this.translator.t(doneText), () => {
      revert();
      void done.then((outcome) => this.undo(outcome?.undo));
    });
    ({ done, revert } = this.change(action, optimistic, failure));
    void done.then((outcome) => {
      // A failure has said so in its place; nothing changed (already archived): nothing to undo.
      if (!outcome?.undo) return withdraw();
      const left = Date.parse(outcome.undo.expiresAt) - Date.now();
      setTimeout(withdraw, Math.min(UNDO_SHOWN_MS.max, Math.max(UNDO_SHOWN_MS.min, left)));
    });
  }

  /** Reverts an action on the server (the feed already shows it reverted); if it cannot, shows the server's state again. */
  private async undo(ticket: UndoTicket | undefined): Promise<void> {
    const { client } = this;
    if (!client || !ticket) return;
    try {
      await client.undo(ticket.token);
      // The restored items come over the socket (`updated`); without it, the feed is read again.
      if (client.connectionState.state !== 'connected') void this.loadFirstPage();
    } catch (error) {
      if (client !== this.client) return;
      if (isSignedOut(error) || isApiError(error, 401)) return this.failed(error);
      this.withdrawFailure = this.view.showNotice(this.translator.t(isApiError(error, 410) ? 'embed.undoExpired' : 'embed.undoFailed'));
      void this.loadFirstPage();
      // The badge counted the undo in: back to the server's count (the newest known; what it reads now is no newer
      // than what it sent after the action, so the counts listeners are not told again).
      await client.fetchCounts().catch(() => {});
      if (client === this.client && client.counts) this.view.setUnread(client.counts.unread);
    }
  }

  private get toastsOn(): boolean {
    return this.getAttribute('toasts') !== 'off';
  }

  private showToast(toast: ToastRequest): void {
    if (!this.toastsOn) return;
    if ('notification' in toast) {
      if (this.view.showToast(toast.notification)) this.dispatch('flashnotify:toast', { notification: toast.notification, count: 1 });
    } else if (this.view.showReplaySummary(toast.count, toast.critical)) {
      this.dispatch('flashnotify:toast', { notification: null, count: toast.count });
    }
  }

  private viewActions(): ViewActions {
    return {
      opened: () => {
        const client = this.client;
        // Signed out or not configured: the message says so, nothing to load.
        if (!client) return;
        if ((client.counts?.unseen ?? 0) > 0) client.markAllSeen().catch(() => {});
        if (this.feed.loaded) this.render();
        else if (this.sinceRequest === undefined) void this.loadFirstPage();
      },
      open: (item, navigate) => {
        this.view.close(false);
        const marking = item.readAt === null ? this.markRead(item, true) : Promise.resolve();
        if (navigate) void Promise.race([marking, new Promise((resolve) => setTimeout(resolve, OPEN_WAIT_MS))]).then(navigate);
      },
      toggleRead: (item) => void this.markRead(item, item.readAt === null),
      act: (item, action) => {
        if (item.actedActionId !== null) return;
        const now = new Date().toISOString();
        this.change(
          (client) => client.takeAction(item.id, action.id).then((changed) => ({ item: changed })),
          (feed) => feed.update({ ...item, actedActionId: action.id, actedAt: now, readAt: item.readAt ?? now }),
          'embed.actFailed',
        );
      },
      archive: (item) =>
        this.undoable(
          'embed.done.archived',
          (client) => client.archive(item.id).then(outcomeOf),
          (feed) => feed.update({ ...item, archivedAt: new Date().toISOString() }),
          'embed.updateFailed',
        ),
      delete: (item) => {
        const now = new Date().toISOString();
        this.undoable('embed.done.deleted', (client) => client.delete(item.id), (feed) => feed.update({ ...item, deletedAt: now, archivedAt: item.archivedAt ?? now }), 'embed.updateFailed');
      },
      togglePin: (item) => {
        const pinnedAt = item.pinnedAt === null ? new Date().toISOString() : null;
        this.change((client) => (pinnedAt ? client.pin(item.id) : client.unpin(item.id)).then(outcomeOf), (feed) => feed.update({ ...item, pinnedAt }), 'embed.updateFailed');
      },
      snooze: (item, preset) => {
        const until = snoozeUntil(preset).toISOString();
        // Said first: the row (maybe focused) goes at once, and focus goes to the popover, not to an older Undo.
        this.view.showNotice(this.translator.t('embed.done.snoozed', { when: fullDateFormatter(this.translator.locale)(until) }));
        this.change((client) => client.snooze(item.id, until).then(outcomeOf), (feed) => feed.update({ ...item, snoozedUntil: until }), 'embed.updateFailed');
      },
      markAllRead: () => {
        const upToSeq = this.feed.items[0]?.seq;
        this.undoable('embed.done.markedAllRead', (client) => client.markAllRead(), (feed) => feed.applyBulk({ readAll: true, upToSeq }), 'embed.markAllFailed');
      },
      search: (text) => {
        const next = text.trim();
        if (next === this.nextQuery) return;
        this.nextQuery = next;
        this.scheduleSearch();
      },

      loadMore: () => void this.loadMore(),
      retry: () => this.start(),
    };
  }

  private markRead(item: NotificationDto, read: boolean): Promise<unknown> {
    const readAt = read ? new Date().toISOString() : null;
    return this.change((client) => (read ? client.markRead(item.id) : client.markUnread(item.id)).then(outcomeOf), (feed) => feed.update({ ...item, readAt }), 'embed.updateFailed').done;
  }

  private get pageSize(): number {
    const size = Number(this.getAttribute('page-size'));
    return Number.isInteger(size) && size >= 1 && size <= 100 ? size : DEFAULT_PAGE_SIZE;
  }

  private dispatch<K extends keyof FlashNotifyEventMap>(type: K, detail: FlashNotifyEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'flashnotify-inbox': FlashNotifyInboxElement;
  }
}

if (!customElements.get('flashnotify-inbox')) customElements.define('flashnotify-inbox', FlashNotifyInboxElement);
