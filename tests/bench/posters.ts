/**
 * The generator's HTTP loops, run inside a worker: closed loop (each poster waits for its answer), open
 * loop (posts leave on a fixed schedule whatever the server does) and the bulk endpoint.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Agent } from 'node:http';
import { epochMs } from './benchSocket.js';
import { httpRequest, keepAliveAgent, type HttpAnswer } from './httpRequest.js';
import type { PostReport, WorkerRequest, WorkerResults } from './protocol.js';

type Job<K extends WorkerRequest['kind']> = Extract<WorkerRequest, { kind: K }>;

/** The longest a poster honours `Retry-After`, in ms: longer would only idle the generator. */
const RETRY_AFTER_CAP_MS = 2000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const untilEpoch = (at: number) => sleep(Math.max(0, at - epochMs()));

/** A single-recipient `POST /api/v1/notifications` body, stamped with the time it leaves (`data.t`). */
function notificationBody(tag: string, i: number, recipient: string): Record<string, unknown> {
  return { to: [{ userId: recipient }], title: `bench ${tag} #${i}`, body: '', data: { tag, t: epochMs() } };
}

/** What one job's requests came to, reported to the bench as a PostReport. */
class Tally {
  accepted = 0;
  refused = 0;
  refusedWithRetryAfter = 0;
  failed = 0;
  readonly failures: Record<string, { count: number; example: string }> = {};
  notFound = false;
  readonly latencies: number[] = [];
  readonly lag: number[] = [];

  /** Counts a non-202 answer; returns how long to wait before the next try (Retry-After), in ms. */
  refusal(answer: HttpAnswer, items = 1): number {
    if (answer.status === 429 || answer.status === 503) {
      this.refused += items;
      if (answer.retryAfter === undefined) return 0;
      this.refusedWithRetryAfter += items;
      return Math.min(RETRY_AFTER_CAP_MS, Number(answer.retryAfter) * 1000 || 0);
    }
    this.failure(`HTTP ${answer.status}`, answer.body.slice(0, 300), items);
    return 0;
  }

  /** Counts a request that failed; `kind` groups them in the report, `example` is kept for the first. */
  failure(kind: string, example: string, items = 1): void {
    this.failed += items;
    const entry = (this.failures[kind] ??= { count: 0, example });
    entry.count += items;
  }

  /** A request that ended in an error instead of an answer. */
  error(err: unknown, items = 1): void {
    const error = err as NodeJS.ErrnoException;
    if (error.name === 'AbortError') this.failure('unanswered at the deadline', 'aborted', items);
    else this.failure(error.code ?? error.name, String(err), items);
  }

  report(): PostReport {
    const { accepted, refused, refusedWithRetryAfter, failed, failures, notFound } = this;
    return { accepted, refused, refusedWithRetryAfter, failed, failures, notFound, latencies: Float64Array.from(this.latencies), lag: Float64Array.from(this.lag) };
  }
}

/** Aborts every request of a job still unanswered `ms` from now; shared by all of them (one listener each). */
function deadline(ms: number): AbortSignal {
  const signal = AbortSignal.timeout(Math.max(1, Math.round(ms)));
  setMaxListeners(0, signal);
  return signal;
}

/**
 * `concurrency` posters, each posting its next notification when the previous one is answered, for
 * `durationMs`; answers still outstanding `drainMs` later are aborted and counted as failed.
 */
export async function closedLoop(job: Job<'closedLoop'>): Promise<WorkerResults['closedLoop']> {
  const agent = keepAliveAgent(job.concurrency);
  const tally = new Tally();
  const headers = { authorization: `Bearer ${job.apiKey}` };
  await untilEpoch(job.startAt);
  const stopAt = job.startAt + job.durationMs;
  const signal = deadline(job.startAt - epochMs() + job.durationMs + job.drainMs);
  let next = 0;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (epochMs() < stopAt && tally.failed < 1000) {
        const i = next++;
        const t = performance.now();
        try {
          const answer = await httpRequest(agent, job.url, 'POST', '/api/v1/notifications', headers, JSON.stringify(notificationBody(job.tag, i, job.recipients[i % job.recipients.length]!)), signal);
          if (answer.status === 202) {
            tally.accepted += 1;
            tally.latencies.push(performance.now() - t);
          } else await sleep(tally.refusal(answer));
        } catch (err) {
          tally.error(err);
        }
      }
    }),
  );
  agent.destroy();
  return tally.report();
}

/**
 * Posts at `rate` per second on a fixed schedule for `durationMs` (open loop: a slow answer does not slow
 * the schedule). `data.t` is the scheduled time, so a post that waits for a free connection of the
 * bounded pool (`connections`) counts that wait in its end-to-end latency. Unanswered at `durationMs + drainMs`: aborted.
 */
export async function openLoop(job: Job<'openLoop'>): Promise<WorkerResults['openLoop']> {
  const agent = keepAliveAgent(job.connections);
  const tally = new Tally();
  const headers = { authorization: `Bearer ${job.apiKey}` };
  const total = Math.round((job.rate * job.durationMs) / 1000);
  const interval = 1000 / job.rate;
  const signal = deadline(job.startAt - epochMs() + job.durationMs + job.drainMs);
  const pending: Promise<void>[] = [];
  const fire = async (i: number, scheduled: number) => {
    const body = notificationBody(job.tag, i, job.recipients[i % job.recipients.length]!);
    (body.data as { t: number }).t = scheduled;
    try {
      const answer = await httpRequest(agent, job.url, 'POST', '/api/v1/notifications', headers, JSON.stringify(body), signal);
      if (answer.status === 202) {
        tally.accepted += 1;
        tally.latencies.push(epochMs() - scheduled);
      } else tally.refusal(answer);
    } catch (err) {
      tally.error(err);
    }
  };
  await untilEpoch(job.startAt);
  for (let i = 0; i < total; ) {
    const now = epochMs();
    while (i < total && job.startAt + i * interval <= now) {
      const scheduled = job.startAt + i * interval;
      tally.lag.push(now - scheduled);
      pending.push(fire(i, scheduled));
      i += 1;
    }
    if (i < total) await sleep(Math.min(5, job.startAt + i * interval - now));
  }
  await Promise.all(pending);
  agent.destroy();
  return tally.report();
}

/**
 * Sends `items` distinct notifications (own recipient, title, data and idempotency key) through
 * `POST /api/v1/notifications/bulk` in requests of `batchSize`, `concurrency` requests in flight. A refused
 * request (429/503) is sent again after its `Retry-After`; a 404 stops the job (`notFound`).
 */
export async function bulk(job: Job<'bulk'>): Promise<WorkerResults['bulk']> {
  const agent: Agent = keepAliveAgent(job.concurrency);
  const tally = new Tally();
  const headers = { authorization: `Bearer ${job.apiKey}` };
  const batches = Math.ceil(job.items / job.batchSize);
  const signal = deadline(job.startAt - epochMs() + job.drainMs);
  let nextBatch = 0;
  // Keys unique to this job: every worker numbers its items from 0, and one key sent by two workers with
  // different bodies is (rightly) a 422 `idempotency_key_reused`. A retried request keeps its keys.
  const keyPrefix = `${job.tag}-${randomUUID()}`;
  await untilEpoch(job.startAt);
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (nextBatch < batches && !tally.notFound && !signal.aborted) {
        const b = nextBatch++;
        const first = b * job.batchSize;
        const count = Math.min(job.batchSize, job.items - first);
        for (let attempt = 0; attempt < 20; attempt++) {
          const notifications = Array.from({ length: count }, (_, k) => {
            const i = first + k;
            return { ...notificationBody(job.tag, i, job.recipients[i % job.recipients.length]!), idempotencyKey: `${keyPrefix}-${i}` };
          });
          const t = performance.now();
          let answer: HttpAnswer;
          try {
            answer = await httpRequest(agent, job.url, 'POST', '/api/v1/notifications/bulk', headers, JSON.stringify({ notifications }), signal);
          } catch (err) {
            tally.error(err, count);
            break;
          }
          if (answer.status === 404) {
            tally.notFound = true;
            break;
          }
          if (answer.status === 429 || answer.status === 503) {
            await sleep(tally.refusal(answer, count) || 100);
            continue;
          }
          if (answer.status !== 200) {
            tally.refusal(answer, count);
            break;
          }
          tally.latencies.push(performance.now() - t);
          countItems(tally, answer.body);
          break;
        }
      }
    }),
  );
  agent.destroy();
  return tally.report();
}

/** Counts the per-item results of a bulk answer (`{ results: [{ status, body }] }`). */
function countItems(tally: Tally, text: string): void {
  const { results } = JSON.parse(text) as { results: { status: number; body: unknown }[] };
  for (const item of results) {
    if (item.status === 202) tally.accepted += 1;
    else tally.refusal({ status: item.status, retryAfter: undefined, body: JSON.stringify(item.body) });
  }
}
