/**
 * The IPC messages between the bench (parent) and its load generator workers (child processes forked
 * with the advanced serialization, so typed arrays travel as such). Every request carries an `id`; the
 * worker answers each with `{ id, result }` or `{ id, error }`.
 */

/** A signed-in user the generator opens a socket for: the session cookie the server's store accepts. */
export interface SocketUser {
  userId: string;
  cookie: string;
}

/** What an HTTP poster reports: answers by kind and the HTTP round trip of each accepted request, in ms. */
export interface PostReport {
  /** Requests (or, for the bulk endpoint, items) answered 202. */
  accepted: number;
  /** Answered 429 or 503 (back-pressure). */
  refused: number;
  /** Of those, how many said when to come back (`Retry-After`). */
  refusedWithRetryAfter: number;
  /** Answered anything else, failed, or were still unanswered at the deadline. */
  failed: number;
  /** The failures by kind (`HTTP 500`, `ECONNRESET`, `unanswered at the deadline`), each with its first message. */
  failures: Record<string, { count: number; example: string }>;
  /** HTTP round trips of accepted requests, in ms. */
  latencies: Float64Array;
  /** Open loop: how late the generator sent each post compared with its schedule, in ms. */
  lag: Float64Array;
  /** Bulk endpoint: the server answered 404 (the endpoint does not exist). */
  notFound: boolean;
}

/** Counters of one worker's sockets since the last `resetCounters`. */
export interface SocketCounters {
  connected: number;
  total: number;
  /** Notifications received per tag (the first delivery of each seq; duplicates are counted apart). */
  byTag: Record<string, { count: number; lastAt: number }>;
  /** Disconnects the server or the network caused, by reason (`ping timeout`, `transport close`…). */
  disconnects: Record<string, number>;
  /** Failed connection attempts by `connect_error` message, and all attempts (first connects and reconnects). */
  connectErrors: Record<string, number>;
  connectAttempts: number;
  /** Deliveries of a seq the socket already had (replay overlapping the live stream). */
  duplicates: number;
  /** Seqs a replay (`sync.done` after a reconnect) should have brought and did not. */
  lost: number;
  /** `sync.reset` answers (more missed than the replay limit: the client refetches over REST). */
  resets: number;
}

/** Progress of a reconnect storm on one worker (see `markStorm`). */
export interface StormStatus {
  /** Sockets that synced (`sync.done`) after the mark and hold every seq up to their target. */
  synced: number;
  total: number;
  /** When the last of them got there (epoch ms). */
  lastSyncedAt: number;
  /** Seqs up to the targets that the sockets do not hold (yet). */
  missing: number;
}

/** Shared fields of the posting jobs. */
interface PostJob {
  url: string;
  apiKey: string;
  /** Recipient user ids, used round robin from a per-worker offset. */
  recipients: string[];
  /** Put into each notification's `data.tag`, so the sockets count this job's notifications apart. */
  tag: string;
  /** Epoch ms at which to start (all workers start together). */
  startAt: number;
}

export type WorkerRequest =
  | { kind: 'open'; url: string; users: SocketUser[]; trackSeqs: boolean; connectConcurrency: number; deadlineMs: number }
  /** Waits until every socket is connected and synced again (after drops), up to `deadlineMs`; answers how many are. */
  | { kind: 'settle'; deadlineMs: number }
  | { kind: 'close' }
  | { kind: 'counters' }
  | { kind: 'resetCounters' }
  | { kind: 'latencies'; tag: string }
  | { kind: 'watermarks' }
  | { kind: 'markStorm'; increment: number }
  | { kind: 'stormStatus' }
  | (PostJob & { kind: 'closedLoop'; concurrency: number; durationMs: number; drainMs: number })
  /** `connections`: the most this worker keeps open (a service's pool); further posts wait for one client-side. */
  | (PostJob & { kind: 'openLoop'; rate: number; durationMs: number; drainMs: number; connections: number })
  | (PostJob & { kind: 'bulk'; items: number; batchSize: number; concurrency: number; drainMs: number });

/** Answers, by request kind. */
export interface WorkerResults {
  open: { opened: number; failed: number; firstError: string | undefined };
  settle: number;
  close: null;
  counters: SocketCounters;
  resetCounters: null;
  latencies: Float64Array;
  watermarks: Record<string, number>;
  markStorm: null;
  stormStatus: StormStatus;
  closedLoop: PostReport;
  openLoop: PostReport;
  bulk: PostReport;
}

export type WorkerMessage = { id: number; request: WorkerRequest };
export type WorkerReply = { id: number; result?: unknown; error?: string };
