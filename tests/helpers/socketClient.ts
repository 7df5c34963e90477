import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, SyncReply } from '../../shared/events.js';
import { InboxSync } from '../../shared/inboxSync.js';
import type { InboxCounts, NotificationDto } from '../../shared/schemas/notification.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A real socket.io-client that keeps what the web client keeps: received notifications deduped by id
 * and gaps in the live stream filled at once, through the shared InboxSync (with `sync.request` as its
 * transport, as in client/src/lib/socket.ts), the latest counts, and every raw event in arrival order.
 */
export class InboxSocket {
  readonly socket: ClientSocket;
  readonly sync: InboxSync;
  readonly received: NotificationDto[] = [];
  readonly rawCreated: NotificationDto[] = [];
  /** Ids of the created events the server flagged as reconnect replays. */
  readonly replayedIds = new Set<string>();
  readonly updates: NotificationDto[] = [];
  /** Every answer to a `sync.request` this client made (gap catch-ups). */
  readonly catchUps: SyncReply[] = [];
  /** How many times the socket connected (a catch-up must not need a reconnect). */
  connects = 0;
  counts: InboxCounts | undefined;
  syncs: { latestSeq: number; replayed: number }[] = [];
  /** Sent as `auth.userId` when set, as the web client does: the user this client acts for. */
  expectedUserId: string | undefined;
  /** Sent as `auth.token` when set: a host-signed user token instead of the cookie (the embedded inbox). */
  userToken: string | undefined;

  /** `options` override the defaults (WebSocket only, no reconnection); `extraHeaders` add to the cookie. */
  constructor(baseUrl: string, cookie: string | undefined, options: Partial<ManagerOptions & SocketOptions> = {}) {
    this.socket = io(baseUrl, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      autoConnect: false,
      ...options,
      extraHeaders: { ...(cookie ? { cookie } : {}), ...options.extraHeaders },
      auth: (cb) => {
        const lastSeq = this.tracker.watermark;
        cb({
          ...(lastSeq === undefined ? {} : { lastSeq }),
          ...(this.expectedUserId === undefined ? {} : { userId: this.expectedUserId }),
          ...(this.userToken === undefined ? {} : { token: this.userToken }),
        });
      },
    });
    const keep = (n: NotificationDto) => this.received.push(n);
    const onCounts = (c: InboxCounts) => {
      if (!this.counts || c.version >= this.counts.version) this.counts = c;
    };
    this.sync = new InboxSync({
      request: async (afterSeq) => {
        const reply = await this.socket.timeout(5_000).emitWithAck('sync.request', { afterSeq });
        this.catchUps.push(reply);
        return reply;
      },
      handlers: { created: keep, counts: onCounts, reset: () => {}, caughtUp: () => {} },
    });
    this.socket.on('connect', () => {
      this.connects += 1;
      this.sync.connected();
    });
    this.socket.on('disconnect', () => this.sync.disconnected());
    this.socket.on('notification.created', (n, meta) => {
      this.rawCreated.push(n);
      if (meta?.replayed) this.replayedIds.add(n.id);
      if (this.sync.received(n, meta)) keep(n);
      if (meta?.counts) onCounts(meta.counts);
    });
    this.socket.on('notification.updated', (n) => this.updates.push(n));
    this.socket.on('counts.updated', onCounts);
    this.socket.on('sync.reset', ({ latestSeq }) => this.sync.syncReset(latestSeq));
    this.socket.on('sync.done', (info) => {
      this.sync.syncDone(info.latestSeq);
      this.syncs.push(info);
    });
  }

  /** The shared watermark (highest seq below which nothing is missing). */
  get tracker() {
    return this.sync.tracker;
  }

  /** Connects and resolves after the server's `sync.done` (replay finished). */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const before = this.syncs.length;
      const onDone = () => {
        if (this.syncs.length > before) {
          this.socket.off('sync.done', onDone);
          this.socket.off('connect_error', reject);
          resolve();
        }
      };
      this.socket.on('sync.done', onDone);
      this.socket.once('connect_error', reject);
      this.socket.connect();
    });
  }

  disconnect(): void {
    this.socket.disconnect();
  }
}

/** Resolves when `predicate` holds (it may be async, e.g. an HTTP probe), polling every 10 ms; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
