import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import { SeqWatermark } from '../../shared/inboxSync.js';
import type { InboxCounts, NotificationDto } from '../../shared/schemas/notification.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A real socket.io-client that keeps what the web client keeps: received notifications deduped by id
 * through the shared SeqWatermark, the latest counts, and every raw event in arrival order.
 */
export class InboxSocket {
  readonly socket: ClientSocket;
  readonly tracker = new SeqWatermark();
  readonly received: NotificationDto[] = [];
  readonly rawCreated: NotificationDto[] = [];
  /** Ids of the created events the server flagged as reconnect replays. */
  readonly replayedIds = new Set<string>();
  readonly updates: NotificationDto[] = [];
  counts: InboxCounts | undefined;
  syncs: { latestSeq: number; replayed: number }[] = [];

  constructor(baseUrl: string, cookie: string | undefined) {
    this.socket = io(baseUrl, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      autoConnect: false,
      extraHeaders: cookie ? { cookie } : {},
      auth: (cb) => {
        const lastSeq = this.tracker.watermark;
        cb(lastSeq === undefined ? {} : { lastSeq });
      },
    });
    this.socket.on('notification.created', (n, meta) => {
      this.rawCreated.push(n);
      if (meta?.replayed) this.replayedIds.add(n.id);
      if (this.tracker.accept(n)) this.received.push(n);
    });
    this.socket.on('notification.updated', (n) => this.updates.push(n));
    this.socket.on('counts.updated', (c) => {
      if (!this.counts || c.version >= this.counts.version) this.counts = c;
    });
    this.socket.on('sync.reset', ({ latestSeq }) => this.tracker.reset(latestSeq));
    this.socket.on('sync.done', (info) => {
      this.tracker.confirmUpTo(info.latestSeq);
      this.syncs.push(info);
    });
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
