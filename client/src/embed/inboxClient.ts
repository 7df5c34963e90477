import type { BulkUpdateChange, CreatedMeta } from '@shared/events';
import { InboxSync, SeqWatermark } from '@shared/inboxSync';
import type {
  BulkActionInput,
  BulkActionResult,
  BulkUpdateResult,
  CategoryOption,
  DeleteNotificationResult,
  InboxCounts,
  NotificationDto,
  NotificationPage,
  UndoResult,
  UpdateNotificationInput,
  UpdateNotificationResult,
} from '@shared/schemas/notification';
import type { PreferencesDto, UpdatePreferencesInput } from '@shared/schemas/preferences';
import type { ApiRequest } from '../lib/api.js';
import { SocketConnection, type ConnectionSnapshot, type NetworkWatch } from '../lib/connection.js';
import { ReconnectScheduler } from '../lib/reconnectScheduler.js';
import { inboxRequests, type ListNotificationsQuery } from '../lib/inboxRequests.js';
import { createUserTokenSocket, requestCatchUp, type InboxSocket } from '../lib/socket.js';
import { TokenSource, userTokenRequest, type GetUserToken } from '../lib/userTokens.js';
import { originRefused } from './originCheck.js';

/** Options of {@link InboxClient}. */
export interface InboxClientOptions {
  /** Where FlashNotify runs, e.g. `https://notify.example.com` (its origin; the host page is elsewhere). */
  baseUrl: string;
  /**
   * Asks the host app for a user token for the signed-in user (its backend signs it: see the README's
   * *Host apps: user tokens*). Called at start, shortly before each token expires, and when one is refused.
   */
  getToken: GetUserToken;
  /** Online/offline signals; the browser's by default. */
  network?: NetworkWatch;
}

/** What an {@link InboxClient} tells its listeners. */
export interface InboxClientEvents {
  /**
   * A notification the client did not hold: live, or replayed after a reconnect (`replayed: true`); also one
   * woken from a snooze, which comes again under its id with a new, higher `seq` (replace it, on top).
   */
  notification: (item: NotificationDto, info: { replayed: boolean }) => void;
  /**
   * Read / unread / seen / archived / pinned / snoozed / deleted changed (here, in another tab, on another device;
   * also each item an undo or a bulk action changed): `snoozedUntil` set: hide it until it wakes; `deletedAt` set:
   * drop it; an item you do not hold that is neither (an undo, an unarchive): put it where it belongs.
   */
  updated: (item: NotificationDto) => void;
  /** A mark-all on the server: apply the same scope (category, `upToSeq`) to what you show. */
  bulkUpdated: (change: BulkUpdateChange) => void;
  /** Exact counts, newer than the last ones given (by `version`). */
  counts: (counts: InboxCounts) => void;
  /**
   * A reconnect's replay or a gap's catch-up is over: every missed notification it brought was given to
   * `notification` listeners (with `replayed: true`) just before. `count` is the server's number of
   * replayed notifications (≥ 1), e.g. for one summary toast instead of one per notification.
   */
  caughtUp: (count: number) => void;
  /** More was missed than the server replays, or this is the first sync: reload your lists. */
  reset: () => void;
  /** The socket's state: connecting, connected, reconnecting (with `retryAt`), offline. */
  connection: (snapshot: ConnectionSnapshot) => void;
  preferences: (preferences: PreferencesDto) => void;
  /** No token the server accepts can be had (the host's user is signed out or unknown): the client stopped. */
  unauthorized: () => void;
  /**
   * The host handed a token of another user (its signed-in user changed), or an admin moved the token's `sub`
   * to another account: everything of the previous user is forgotten, the socket is (or reconnects as) the new
   * one's, and `reset` follows (reload your lists; counts start over).
   */
  userChanged: () => void;
  /**
   * FlashNotify is up but refuses this page's origin (not in its `ALLOWED_ORIGINS`): checked once, when a request
   * fails with a network error before anything ever got through (originRefused). The client has stopped.
   */
  originRefused: () => void;
}

type Listeners = { [E in keyof InboxClientEvents]: Set<InboxClientEvents[E]> };

/** The part of `document` the client watches. */
interface VisibilitySource {
  visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/** How often at most a tab coming back into view asks the host who is signed in (ms). */
const VISIBLE_RECHECK_MS = 5_000;

/**
 * The headless embedded inbox: one user's notifications, counts and preferences from FlashNotify, live over
 * Socket.IO with the same gap-free replay and catch-up as the web app (`InboxSync`, `SocketConnection`,
 * the same REST calls in `inboxRequests`), authenticated by user tokens the host signs. No UI: the custom
 * element and the React components are built on it, and hosts may build their own.
 *
 * @example
 * const inbox = new InboxClient({ baseUrl: 'https://notify.example.com', getToken: () => fetch('/flashnotify-token').then((r) => r.text()) });
 * inbox.on('notification', (item) => showToast(item.title));
 * inbox.on('counts', ({ unread }) => setBadge(unread));
 * inbox.connect();
 * const { items } = await inbox.list({ status: 'unread' });
 */
export class InboxClient {
  /** The REST transport with the user token (usable with `inboxRequests` for anything not wrapped here). */
  readonly request: ApiRequest;
  private readonly tokens: TokenSource;
  private readonly tracker = new SeqWatermark();
  private readonly socket: InboxSocket;
  private readonly sync: InboxSync;
  private readonly connection: SocketConnection;
  private readonly listeners: Listeners = {
    notification: new Set(),
    updated: new Set(),
    bulkUpdated: new Set(),
    counts: new Set(),
    caughtUp: new Set(),
    reset: new Set(),
    connection: new Set(),
    preferences: new Set(),
    unauthorized: new Set(),
    userChanged: new Set(),
    originRefused: new Set(),
  };
  /** Restarts the socket when the host could not give a token (its backend unreachable): backoff, then try again. */
  private readonly tokenRetry = new ReconnectScheduler(() => this.connection.start());
  private latestCounts: InboxCounts | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private stopConnectionWatch: () => void = () => {};
  private started = false;
  /** Something (a request, the socket) got through at least once: a later network error is only the network. */
  private reached = false;
  private checkingOrigin = false;
  /** Whose stream the socket carries (FlashNotify's id, from `sync.done`): undefined until the first sync. */
  private userId: string | undefined;

  constructor(options: InboxClientOptions) {
    this.tokens = new TokenSource(options.getToken, () => this.startOverForNewUser());
    const request = userTokenRequest(options.baseUrl, this.tokens);
    this.request = async <T,>(path: string, requestOptions?: Parameters<ApiRequest>[1]): Promise<T> => {
      try {
        const answer = await request<T>(path, requestOptions);
        this.reached = true;
        return answer;
      } catch (error) {
        if (error instanceof TypeError && !this.reached) void this.checkOrigin(options.baseUrl, () => request(path, requestOptions));
        throw error;
      }
    };
    this.socket = createUserTokenSocket({ baseUrl: options.baseUrl, tokens: this.tokens, getLastSeq: () => this.tracker.watermark });
    this.sync = new InboxSync(
      {
        request: (afterSeq) => requestCatchUp(this.socket, afterSeq),
        handlers: {
          created: (item, meta) => this.emit('notification', item, { replayed: meta?.replayed === true }),
          counts: (counts) => this.acceptCounts(counts),
          reset: () => this.emit('reset'),
          caughtUp: (count) => this.emit('caughtUp', count),
        },
      },
      this.tracker,
    );
    this.connection = new SocketConnection(
      this.socket,
      {
        // The handshake went without a token because getToken() failed for now: like a network error, retried
        // with backoff; a token the server refuses (twice), or the host saying nobody is signed in, stops it.
        onUnauthorized: () => {
          if (this.tokens.unavailable) this.tokenRetry.schedule();
          else this.emit('unauthorized');
        },
        // A host app has one identity per token: another user's is refused like an invalid token.
        onSessionChanged: () => this.emit('unauthorized'),
        onTokenRefused: () => this.tokens.refresh().then(() => true),
      },
      options.network,
    );
    this.listen();
  }

  /** Opens the socket (and keeps it open: backoff, online/offline, token renewals) until `disconnect()`. */
  connect(): void {
    this.started = true;
    const unsubscribe = this.connection.subscribe(() => this.emit('connection', this.connection.getSnapshot()));
    const unwatchVisibility = this.watchVisibility();
    this.stopConnectionWatch = () => {
      unsubscribe();
      unwatchVisibility();
    };
    this.connection.start();
  }

  /**
   * Asks the host again for a token when the tab comes back into view (at most every VISIBLE_RECHECK_MS): who is
   * signed in to the host may have changed in another tab meanwhile, and tokens are otherwise only renewed near
   * their end (minutes away). Another `sub` then starts the client over for the new user.
   */
  private watchVisibility(): () => void {
    // Typed here rather than with the DOM library: this file also runs (and is type-checked) under Node.
    const page = (globalThis as { document?: VisibilitySource }).document;
    if (!page) return () => {};
    const onVisible = () => {
      if (page.visibilityState !== 'visible' || Date.now() - this.tokens.lastAskedAt < VISIBLE_RECHECK_MS) return;
      this.tokens.refresh().catch(() => {});
    };
    page.addEventListener('visibilitychange', onVisible);
    return () => page.removeEventListener('visibilitychange', onVisible);
  }

  /** Closes the socket for good and stops renewing tokens. */
  disconnect(): void {
    this.started = false;
    clearTimeout(this.refreshTimer);
    this.tokenRetry.reset();
    this.stopConnectionWatch();
    this.connection.stop();
  }

  /** Adds a listener; returns the function that removes it. */
  on<E extends keyof InboxClientEvents>(event: E, listener: InboxClientEvents[E]): () => void {
    const set = this.listeners[event] as Set<InboxClientEvents[E]>;
    set.add(listener);
    return () => set.delete(listener);
  }

  /** The newest counts received (socket or REST), if any yet. */
  get counts(): InboxCounts | undefined {
    return this.latestCounts;
  }

  /** The socket's state now. */
  get connectionState(): ConnectionSnapshot {
    return this.connection.getSnapshot();
  }

  /** Skips a pending reconnect wait ("Retry now"). */
  retryNow(): void {
    this.connection.retryNow();
  }

  /**
   * One page of the inbox, newest first; pass the previous page's `nextCursor` for the next. `q` searches the
   * title and body (word by word, the last word as a prefix: `{ q: 'deplo' }` finds "deployment"), `pinned`
   * keeps pinned (`'true'`) or unpinned (`'false'`) items only; both combine with the other filters.
   */
  list(query: ListNotificationsQuery = {}, signal?: AbortSignal): Promise<NotificationPage> {
    return inboxRequests.listNotifications(this.request, query, signal);
  }

  /** Exact counts (of one category when given); also given to `counts` listeners when newer. */
  async fetchCounts(category?: string): Promise<InboxCounts> {
    const counts = await inboxRequests.counts(this.request, category);
    if (category === undefined) this.acceptCounts(counts);
    return counts;
  }

  /** The categories present in the inbox, sorted by label. */
  async categories(): Promise<CategoryOption[]> {
    return (await inboxRequests.categories(this.request)).items;
  }

  /**
   * Changes one notification (read, seen, archived, pinned, snoozedUntil); every tab and device gets `updated`.
   * The answer is the notification, with `undo` when this change archived it (see `undo`).
   */
  update(id: string, patch: UpdateNotificationInput): Promise<UpdateNotificationResult> {
    return inboxRequests.updateNotification(this.request, id, patch);
  }

  /** Takes one of a notification's actions (issue 11); every tab and device gets `updated`. 409 when another was taken. */
  takeAction(id: string, actionId: string): Promise<NotificationDto> {
    return inboxRequests.takeAction(this.request, id, actionId).then((result) => result.notification);
  }

  markRead = (id: string) => this.update(id, { read: true });
  markUnread = (id: string) => this.update(id, { read: false });
  /** Archives one notification; the answer carries `undo` (when it was not archived yet). */
  archive = (id: string) => this.update(id, { archived: true });
  unarchive = (id: string) => this.update(id, { archived: false });
  pin = (id: string) => this.update(id, { pinned: true });
  unpin = (id: string) => this.update(id, { pinned: false });

  /**
   * Hides one notification until `until` (a Date, or ISO 8601 with an offset; 1 minute to 1 year ahead), when it
   * comes back as new (`notification` with a new seq); out of the counts meanwhile. `snoozeUntil` in
   * client/src/lib/snoozePresets.ts gives the usual choices (in 3 hours, tomorrow 9:00, next Monday 9:00).
   */
  snooze(id: string, until: Date | string): Promise<UpdateNotificationResult> {
    return this.update(id, { snoozedUntil: typeof until === 'string' ? until : until.toISOString() });
  }

  /** Deletes one notification (soft: `undo` brings it back within the undo window); the new counts go to `counts` listeners. */
  async delete(id: string): Promise<DeleteNotificationResult> {
    return this.withCounts(await inboxRequests.deleteNotification(this.request, id));
  }

  /** One action (read, unread, archive, unarchive, delete, pin, unpin) on a selection (`ids`) or a whole view (`filter` + `upToSeq`). */
  async bulk(input: BulkActionInput): Promise<BulkActionResult> {
    return this.withCounts(await inboxRequests.bulk(this.request, input));
  }

  /**
   * Reverts an archive, a delete or a mark-all-read by the `undo.token` its answer carried, within the window
   * (`undo.expiresAt`; 410 `undo_expired` after, 404 once used). The restored items come to `updated` listeners.
   */
  async undo(token: string): Promise<UndoResult> {
    return this.withCounts(await inboxRequests.undo(this.request, token));
  }

  /**
   * Marks read everything this client holds (up to its watermark: what arrived since stays unread), of one
   * category when given. The answer carries `undo` when it changed something.
   */
  async markAllRead(category?: string): Promise<BulkUpdateResult> {
    return this.withCounts(await inboxRequests.markAllRead(this.request, { category, upToSeq: this.tracker.watermark }));
  }

  /** Marks everything this client holds seen (the badge's "new" count drops to 0). */
  markAllSeen() {
    return inboxRequests.markAllSeen(this.request, { upToSeq: this.tracker.watermark });
  }

  preferences(signal?: AbortSignal): Promise<PreferencesDto> {
    return inboxRequests.preferences(this.request, signal);
  }

  updatePreferences(patch: UpdatePreferencesInput): Promise<PreferencesDto> {
    return inboxRequests.updatePreferences(this.request, patch);
  }

  private emit<E extends keyof InboxClientEvents>(event: E, ...args: Parameters<InboxClientEvents[E]>): void {
    for (const listener of this.listeners[event]) (listener as (...a: Parameters<InboxClientEvents[E]>) => void)(...args);
  }

  /** An answer's counts go to `counts` listeners like the socket's (when newer): no wait for the socket, nor need of it. */
  private withCounts<T extends { counts: InboxCounts }>(answer: T): T {
    this.acceptCounts(answer.counts);
    return answer;
  }

  private acceptCounts(counts: InboxCounts): void {
    // The same version is the same state (a REST read and the socket's): told once.
    if (this.latestCounts && counts.version <= this.latestCounts.version) return;
    this.latestCounts = counts;
    this.emit('counts', counts);
  }

  /** Hands the open socket its next token before the current one expires (else the server ends the socket). */
  private scheduleSocketRefresh(): void {
    clearTimeout(this.refreshTimer);
    const renewAt = this.tokens.renewAt;
    if (renewAt === undefined) return;
    this.refreshTimer = setTimeout(() => {
      void this.tokens
        .refresh()
        // Not when the new token is another user's: startOverForNewUser has reconnected the socket with it.
        .then((token) => (this.socket.connected ? this.socket.timeout(10_000).emitWithAck('auth.refresh', { token }) : undefined))
        .then((reply) => {
          // Refused: the server ends the socket at expiry and the reconnect brings a fresh token anyway.
          if (reply?.ok) this.scheduleSocketRefresh();
        })
        .catch(() => {});
    }, Math.max(1_000, renewAt - Date.now()));
  }

  /**
   * The host's signed-in user changed (a token for another `sub`): nothing of the previous user may stay — not
   * their watermark (the new user's stream has other seqs), not their counts (another version sequence), not
   * their socket (it is in their rooms). Listeners hear `userChanged`, then `reset` from the new socket's first sync.
   */
  private startOverForNewUser(): void {
    clearTimeout(this.refreshTimer);
    this.forgetUser();
    this.userId = undefined;
    if (!this.started) return;
    this.connection.stop();
    this.connection.start();
  }

  /** A network error before anything got through: is it FlashNotify refusing this page's origin? Stops if so. */
  private async checkOrigin(baseUrl: string, retry: () => Promise<unknown>): Promise<void> {
    if (this.checkingOrigin) return;
    this.checkingOrigin = true;
    const refused = await originRefused(baseUrl, retry);
    this.checkingOrigin = false;
    if (!refused || this.reached || !this.started) return;
    // Final: retrying cannot help until FlashNotify's configuration changes (then the page is reloaded).
    this.disconnect();
    this.emit('originRefused');
  }

  /** Drops what belongs to the previous user (watermark, counts) and tells the listeners (`userChanged`). */
  private forgetUser(): void {
    this.tracker.forget();
    this.latestCounts = undefined;
    this.emit('userChanged');
  }

  private listen(): void {
    const { socket, sync } = this;
    socket.on('connect', () => {
      this.reached = true;
      this.tokenRetry.reset();
      sync.connected();
      this.scheduleSocketRefresh();
    });
    socket.on('disconnect', () => {
      sync.disconnected();
      clearTimeout(this.refreshTimer);
    });
    socket.on('notification.created', (item: NotificationDto, meta?: CreatedMeta) => {
      if (sync.received(item, meta)) this.emit('notification', item, { replayed: meta?.replayed === true });
      if (meta?.counts) this.acceptCounts(meta.counts);
    });
    socket.on('notification.updated', (item) => this.emit('updated', item));
    socket.on('notifications.bulkUpdated', (change) => {
      // A bulk action or an undo: its items are updates like any other (a deleted one is archived too, so
      // feeds drop it); more than an event lists: reload. A mark-all keeps its own event.
      for (const item of change.items ?? []) this.emit('updated', item);
      if (change.refetch) this.emit('reset');
      if (change.readAll || change.seenAll) this.emit('bulkUpdated', change);
    });
    socket.on('counts.updated', (counts) => this.acceptCounts(counts));
    socket.on('preferences.updated', (preferences) => this.emit('preferences', preferences));
    socket.on('sync.reset', ({ latestSeq }) => {
      sync.syncReset(latestSeq);
      this.emit('reset');
    });
    socket.on('sync.done', ({ latestSeq, replayed, userId }) => {
      // The same `sub` now names another account (an admin moved the host's id): like a change of the host's
      // user, but the socket is already the new account's: forget, re-sync from here, read its counts again.
      const moved = this.userId !== undefined && userId !== this.userId;
      this.userId = userId;
      if (moved) this.forgetUser();
      // First sync: lists loaded before the socket joined may miss what came in between.
      const first = this.tracker.watermark === undefined;
      sync.syncDone(latestSeq);
      if (first) this.emit('reset');
      if (moved) this.fetchCounts().catch(() => {});
      else if (replayed > 0) this.emit('caughtUp', replayed);
    });
  }
}
