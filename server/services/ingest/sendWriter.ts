import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RawDatabase } from '../../db/rawDatabase.js';
import { HttpError } from '../../errors.js';
import { commitSends, type CommitOutcome, type SendCommit } from './commitSends.js';

/** How a SendWriter batches and when it refuses more. */
export interface SendWriterOptions {
  /** Notifications a batch may hold (a bigger single send forms a batch of its own). */
  maxBatchNotifications: number;
  /** Notifications that may wait for the writer; beyond, new sends get 503 + Retry-After (back-pressure). */
  maxQueuedNotifications: number;
  /** Whose inbox counts a batch reads for the emit after it (see CommitOptions); default: every recipient's. */
  countsWanted?: (userId: string) => boolean;
  /** Runs inside each batch's transaction just before COMMIT (crash tests: `TEST_PAUSE_AT=send.beforeCommit`). */
  beforeCommit?: () => Promise<void>;
}

/** Seconds a client is told to wait when the writer's queue is full. */
export const OVERLOADED_RETRY_AFTER_S = 1;

/** 503 when the writer's queue is full: the request was fine, the server is saturated. */
export const OverloadedError = () =>
  new HttpError(503, 'overloaded', 'Too many notifications are waiting to be stored; retry shortly', undefined, {
    'Retry-After': String(OVERLOADED_RETRY_AFTER_S),
  });

/**
 * Room in the writer's queue held for the sends of one bulk request (see SendWriter.tryReserve): its sends
 * take their places from it instead of competing for the queue with each other.
 */
export interface IngestReservation {
  /** Notifications still held for sends not yet queued. */
  remaining: number;
}

interface Waiting {
  send: SendCommit;
  settle: (outcome: CommitOutcome) => void;
  fail: (err: unknown) => void;
}

/**
 * The single writer of new notifications (group commit). Sends submitted while a batch commits wait
 * and commit together in the next one: one transaction — one fsync on SQLite, one round-trip sequence on
 * PostgreSQL — for as many sends as arrived meanwhile, so throughput rises with load instead of every
 * send paying for its own transaction. Each send still commits whole or not at all (see commitSends);
 * it is told its outcome only after its batch committed, so a 202 always means "stored".
 *
 * If a batch fails as a whole (a database error), each of its sends is retried alone, so one send that
 * trips a constraint cannot fail the others; when the database is down, each gets that error.
 *
 * @example
 * const outcome = await ctx.sendWriter.commit(send); // rejects with 503 `overloaded` when the queue is full
 */
export class SendWriter {
  private queue: Waiting[] = [];
  /** Batches committed (or tried) and sends they held, since start: what grouping achieved. */
  readonly stats = { batches: 0, sends: 0 };
  private queuedNotifications = 0;
  private reservedNotifications = 0;
  private running: Promise<void> | null = null;

  constructor(
    private readonly raw: RawDatabase,
    private readonly options: SendWriterOptions,
  ) {}

  /**
   * Queues `send` for the next batch; resolves with its outcome once that batch committed (or failed).
   *
   * @throws HttpError 503 `overloaded` (Retry-After) when the queue holds too many notifications already
   */
  commit(send: SendCommit, reservation?: IngestReservation): Promise<CommitOutcome> {
    const size = send.notifications.length;
    const held = Math.min(reservation?.remaining ?? 0, size);
    if (reservation) {
      reservation.remaining -= held;
      this.reservedNotifications -= held;
    }
    // An empty queue always takes a send, however big: a broadcast is never refused for its size alone.
    // What a reservation held was admitted already; only a send bigger than its share is checked again.
    if (size > held && this.queue.length > 0 && this.pending() + size - held > this.options.maxQueuedNotifications) {
      return Promise.reject(OverloadedError());
    }
    return new Promise<CommitOutcome>((settle, fail) => {
      this.queue.push({ send, settle, fail });
      this.queuedNotifications += size;
      // Started after this turn of the event loop (setImmediate: after the poll phase): every request that
      // arrived in the same turn — under load, dozens — shares the first batch, and its one COMMIT (an
      // fsync on SQLite). A microtask later, each request parsed in that turn committed alone.
      this.running ??= nextTurn()
        .then(() => this.drain())
        .finally(() => (this.running = null));
    });
  }

  /**
   * Admits a bulk request as one unit: holds room for `size` notifications (its items' audiences added up)
   * that its sends then take as they reach the writer (`commit(send, reservation)`), or refuses the whole
   * request now (undefined: answer its items 503 `overloaded`). Without it, one request's own items would
   * fill the queue for each other: with more than INGEST_QUEUE_LIMIT notifications in one request, its
   * later items were refused by its earlier ones, on an idle server. Like a single send, a request is
   * taken whatever its size when nothing waits and nothing is held. Release what is left once the
   * request's sends are queued or failed. (Why not require INGEST_QUEUE_LIMIT ≥ BULK_MAX_NOTIFICATIONS
   * instead: it would refuse configurations that work today, and a request's early items could still
   * leave its later ones no room when other sends share the queue; a reservation answers all or none.)
   *
   * @example
   * const reservation = ctx.sendWriter.tryReserve(total);
   * try { await Promise.all(items.map((item) => send(item, reservation))); } finally { if (reservation) ctx.sendWriter.release(reservation); }
   */
  tryReserve(size: number): IngestReservation | undefined {
    const busy = this.queue.length > 0 || this.reservedNotifications > 0;
    if (busy && this.pending() + size > this.options.maxQueuedNotifications) return undefined;
    this.reservedNotifications += size;
    return { remaining: size };
  }

  /** Gives back what `reservation` still holds (its request's items that failed before being queued). */
  release(reservation: IngestReservation): void {
    this.reservedNotifications -= reservation.remaining;
    reservation.remaining = 0;
  }

  /** Notifications waiting for a batch or held for bulk requests (the ingest queue's depth). */
  get waitingNotifications(): number {
    return this.pending();
  }

  /** Notifications queued or held for bulk requests: what the queue limit is checked against. */
  private pending(): number {
    return this.queuedNotifications + this.reservedNotifications;
  }

  /** Resolves once every send queued so far has its outcome (shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.takeBatch();
      await this.commitBatch(batch);
    }
  }

  private takeBatch(): Waiting[] {
    let notifications = 0;
    let count = 0;
    for (const waiting of this.queue) {
      const size = waiting.send.notifications.length;
      if (count > 0 && notifications + size > this.options.maxBatchNotifications) break;
      notifications += size;
      count++;
    }
    const batch = this.queue.splice(0, count);
    this.queuedNotifications -= notifications;
    return batch;
  }

  private async commitBatch(batch: Waiting[]): Promise<void> {
    this.stats.batches++;
    this.stats.sends += batch.length;
    try {
      const outcomes = await this.raw.transaction(async (sql) => {
        const result = await commitSends(
          sql,
          batch.map((w) => w.send),
          { countsWanted: this.options.countsWanted },
        );
        await this.options.beforeCommit?.();
        return result;
      });
      batch.forEach((waiting, i) => waiting.settle(outcomes[i]!));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.fail(err);
        return;
      }
      for (const waiting of batch) await this.commitBatch([waiting]);
    }
  }
}
