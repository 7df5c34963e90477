import { io, type Socket } from 'socket.io-client';
import { nextRetry } from '../../client/src/lib/backoff.ts';
import { connectErrorRetryAfterMs } from '../../shared/sessionIdentity.ts';
import type { SocketCounters, SocketUser } from './protocol.js';

/** The fields of a `notification.created` payload the generator reads (FlashNotify's DTO has more). */
interface CreatedEvent {
  id: string;
  seq: number;
  data: { tag?: unknown; t?: unknown } | null;
}

/** What all sockets of one worker count together; reset between figures. */
export class SocketTally {
  byTag = new Map<string, { count: number; lastAt: number; latencies: number[] }>();
  disconnects = new Map<string, number>();
  /** Failed connection attempts, by the `connect_error` message (`timeout`, `websocket error`, a server refusal). */
  connectErrors = new Map<string, number>();
  /** Connection attempts (first connects and reconnects). */
  connectAttempts = 0;
  duplicates = 0;
  /** Seqs a replay should have brought and did not. */
  lost = 0;
  resets = 0;

  /** A first delivery of a notification tagged `tag`, sent at epoch ms `sentAt`. */
  delivered(tag: string, sentAt: number | undefined, now: number): void {
    let entry = this.byTag.get(tag);
    if (!entry) this.byTag.set(tag, (entry = { count: 0, lastAt: 0, latencies: [] }));
    entry.count += 1;
    entry.lastAt = now;
    if (sentAt !== undefined) entry.latencies.push(now - sentAt);
  }

  reset(): void {
    this.byTag.clear();
    this.disconnects.clear();
    this.connectErrors.clear();
    this.connectAttempts = 0;
    this.duplicates = 0;
    this.lost = 0;
    this.resets = 0;
  }

  counters(sockets: BenchSocket[]): SocketCounters {
    const byTag: SocketCounters['byTag'] = {};
    for (const [tag, { count, lastAt }] of this.byTag) byTag[tag] = { count, lastAt };
    return {
      connected: sockets.filter((s) => s.socket.connected).length,
      total: sockets.length,
      byTag,
      disconnects: Object.fromEntries(this.disconnects),
      connectErrors: Object.fromEntries(this.connectErrors),
      connectAttempts: this.connectAttempts,
      duplicates: this.duplicates,
      lost: this.lost,
      resets: this.resets,
    };
  }
}

/** Epoch ms with sub-ms resolution, comparable between the generator's processes on one machine. */
export const epochMs = (): number => performance.timeOrigin + performance.now();

/**
 * One signed-in user's socket, kept the way the web client keeps it (client/src/lib/socket.ts and
 * connection.ts): WebSocket only, `auth: { lastSeq, userId }` on every (re)connect, and its own reconnect
 * backoff with full jitter (the web client's DEFAULT_BACKOFF) after a drop or a refused handshake. With
 * `trackSeqs` it keeps the watermark (highest seq below which nothing is missing), so lost and duplicate
 * deliveries are counted; the baseline server has no seqs to keep.
 */
export class BenchSocket {
  readonly socket: Socket;
  /** Highest seq below which this socket misses nothing; undefined until the first `sync.done`. */
  watermark: number | undefined;
  /** Seqs received above the watermark (out of order or after a gap). */
  private readonly ahead = new Set<number>();
  /** Epoch ms of the latest `sync.done`, and of the latest connect. */
  syncedAt = 0;
  private connectedAt = 0;
  /** A reconnect storm: marked at (epoch ms), the seq this socket must reach, and when it got there. */
  storm: { since: number; target: number | undefined; doneAt: number } | undefined;
  /** The first handshake refusal, if any (the socket keeps retrying). */
  firstError: string | undefined;
  private attempt = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private firstSync: (() => void) | undefined;

  constructor(
    url: string,
    readonly user: SocketUser,
    private readonly tally: SocketTally,
    private readonly trackSeqs: boolean,
  ) {
    this.socket = io(url, {
      transports: ['websocket'],
      reconnection: false,
      autoConnect: false,
      forceNew: true,
      extraHeaders: { cookie: user.cookie },
      auth: (cb) => cb({ ...(this.watermark === undefined ? {} : { lastSeq: this.watermark }), userId: user.userId }),
    });
    this.socket.on('connect', () => {
      this.attempt = 0;
      this.connectedAt = epochMs();
    });
    this.socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      this.tally.disconnects.set(reason, (this.tally.disconnects.get(reason) ?? 0) + 1);
      this.scheduleReconnect();
    });
    this.socket.on('connect_error', (err: Error & { data?: unknown }) => {
      this.firstError ??= err.message;
      this.tally.connectErrors.set(err.message, (this.tally.connectErrors.get(err.message) ?? 0) + 1);
      this.scheduleReconnect(connectErrorRetryAfterMs(err));
    });
    this.socket.on('notification.created', (n: CreatedEvent) => this.onCreated(n));
    this.socket.on('sync.done', ({ latestSeq }: { latestSeq: number }) => this.onSynced(latestSeq, false));
    // A reset (more missed than the replay limit) is followed by sync.done; the client refetches over REST.
    this.socket.on('sync.reset', ({ latestSeq }: { latestSeq: number }) => {
      this.tally.resets += 1;
      this.moveWatermark(latestSeq, true);
    });
  }

  /** Connects; resolves at the first `sync.done` (a refused handshake is retried with backoff meanwhile). */
  open(): Promise<void> {
    return new Promise((resolve) => {
      this.firstSync = resolve;
      this.tally.connectAttempts += 1;
      this.socket.connect();
    });
  }

  /** Starts watching a reconnect storm: this socket must sync again and reach `watermark + increment`. */
  markStorm(since: number, increment: number): void {
    this.storm = { since, target: this.trackSeqs ? (this.watermark ?? 0) + increment : undefined, doneAt: 0 };
  }

  /** Connected, and synced since it last connected (replay done). */
  get ready(): boolean {
    return this.socket.connected && this.syncedAt >= this.connectedAt;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retry);
    this.socket.disconnect();
  }

  /** Seqs up to the storm's target this socket does not hold (yet). */
  missing(): number {
    if (this.storm?.target === undefined) return 0;
    return Math.max(0, this.storm.target - (this.watermark ?? 0));
  }

  /** Notes when the storm's condition first holds: synced after the mark, every seq up to the target held. */
  private checkStorm(now: number): void {
    const storm = this.storm;
    if (!storm || storm.doneAt || this.syncedAt < storm.since) return;
    if (storm.target === undefined || (this.watermark ?? -1) >= storm.target) storm.doneAt = now;
  }

  /** As the web client's ReconnectScheduler: the server's `retryAfterMs` as is, else the backoff. */
  private scheduleReconnect(serverRetryAfterMs?: number): void {
    if (this.closed || this.retry) return;
    const { delayMs: delay, failed } = nextRetry(this.attempt, serverRetryAfterMs);
    if (failed) this.attempt += 1;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.closed || this.socket.connected) return;
      this.tally.connectAttempts += 1;
      this.socket.connect();
    }, delay);
  }

  private onCreated(n: CreatedEvent): void {
    const now = epochMs();
    if (this.trackSeqs) {
      if ((this.watermark !== undefined && n.seq <= this.watermark) || this.ahead.has(n.seq)) {
        this.tally.duplicates += 1;
        return;
      }
      this.ahead.add(n.seq);
      this.advance();
    }
    const tag = typeof n.data?.tag === 'string' ? n.data.tag : 'untagged';
    this.tally.delivered(tag, typeof n.data?.t === 'number' ? n.data.t : undefined, now);
    this.checkStorm(now);
  }

  private onSynced(latestSeq: number, reset: boolean): void {
    this.moveWatermark(latestSeq, reset);
    this.syncedAt = epochMs();
    this.checkStorm(this.syncedAt);
    this.firstSync?.();
    this.firstSync = undefined;
  }

  /**
   * Everything up to `latestSeq` exists: it arrived (replay, live), or a fresh client or a reset refetches
   * it over REST. After a replay (`sync.done` of a socket that had a watermark) a seq that did not arrive
   * is lost: the replay runs after the room join, so it covers everything committed before it.
   */
  private moveWatermark(latestSeq: number, refetched: boolean): void {
    if (!this.trackSeqs) return;
    if (this.watermark === undefined || latestSeq > this.watermark) {
      if (this.watermark !== undefined && !refetched) {
        for (let seq = this.watermark + 1; seq <= latestSeq; seq++) if (!this.ahead.has(seq)) this.tally.lost += 1;
      }
      for (const seq of this.ahead) if (seq <= latestSeq) this.ahead.delete(seq);
      this.watermark = latestSeq;
    }
    this.advance();
  }

  private advance(): void {
    if (this.watermark === undefined) return;
    while (this.ahead.delete(this.watermark + 1)) this.watermark += 1;
  }
}
