/**
 * Figures 1, 2, 3 and 8 of issue 9: closed-loop and open-loop single-recipient ingest, the bulk endpoint,
 * and how `/api/health` and the inbox answer while ingest saturates the server. Every notification counts
 * only once it reached its recipient's socket.
 */
import { epochMs } from './benchSocket.js';
import { httpRequest, keepAliveAgent } from './httpRequest.js';
import type { CpuWindow } from './procStats.js';
import type { PostReport, WorkerRequest } from './protocol.js';
import { formatCount, formatMs, summarize } from './stats.js';
import {
  concat,
  coresLine,
  cpuWindow,
  percentilesLine,
  recipientsFor,
  say,
  share,
  socketLatencies,
  startSoon,
  waitDelivered,
  type Suite,
} from './suite.js';

/** Longest wait for accepted notifications to reach their sockets after the posting ended. */
const DELIVERY_WAIT_MS = 60_000;
/** Connections each worker's open loop keeps at most (figure 2): a service's pool; more posts wait for one. */
const OPEN_LOOP_CONNECTIONS = 256;
/**
 * Figure 8's flood: connections per worker (4 workers × 1,024 and 10,000 sockets stay below the server's
 * 20,000 descriptors), so the server, not the generator's pool, decides how much it queues.
 */
const FLOOD_CONNECTIONS = 1024;

const sum = (reports: PostReport[], field: 'accepted' | 'refused' | 'refusedWithRetryAfter' | 'failed') => reports.reduce((n, r) => n + r[field], 0);

/** `accepted 1,337, refused 429/503 0 (0 with Retry-After), failed 3,663 (3,600 unanswered at the deadline, 63 ECONNRESET: …)`. */
function answersLine(reports: PostReport[]): string {
  const kinds = new Map<string, { count: number; example: string }>();
  for (const report of reports) {
    for (const [kind, { count, example }] of Object.entries(report.failures)) {
      const entry = kinds.get(kind) ?? { count: 0, example };
      entry.count += count;
      kinds.set(kind, entry);
    }
  }
  const breakdown = [...kinds].map(([kind, { count, example }]) => `${formatCount(count)} ${kind}${example === 'aborted' || example === kind ? '' : ` (${example})`}`);
  return (
    `accepted ${formatCount(sum(reports, 'accepted'))}, refused 429/503 ${formatCount(sum(reports, 'refused'))} ` +
    `(${formatCount(sum(reports, 'refusedWithRetryAfter'))} with Retry-After), failed ${formatCount(sum(reports, 'failed'))}` +
    (breakdown.length ? `: ${breakdown.join('; ')}` : '')
  );
}

/** The jobs that post notifications, each without the fields `postAndDeliver` fills in for every worker. */
type PostingJob = Extract<WorkerRequest, { kind: 'closedLoop' | 'openLoop' | 'bulk' }>;
type WithoutShared<J> = J extends PostingJob ? Omit<J, 'url' | 'apiKey' | 'recipients' | 'tag' | 'startAt'> : never;
type PostingJobFields = WithoutShared<PostingJob>;

/** What one posting run measured (and what ran alongside it returned). */
interface PostingRun<T> {
  /** When every worker started posting (epoch ms). */
  startAt: number;
  reports: PostReport[];
  accepted: number;
  /** How many of the accepted reached their sockets, and when the last did (after at most DELIVERY_WAIT_MS). */
  arrived: { count: number; lastAt: number };
  /** CPU from just before the start until the deliveries were counted. */
  window: CpuWindow;
  alongside: T;
}

/**
 * Every worker runs its `job(i)` tagged `tag`, all starting at one instant; then waits until what the server
 * accepted reached the sockets. `alongside` runs in this process meanwhile (figure 8 times reads).
 *
 * @example
 * const { arrived, window } = await postAndDeliver(suite, 'bulk', (i) => ({ kind: 'bulk', items: 100, batchSize: 10, concurrency: 1, drainMs: 1000 }));
 */
async function postAndDeliver(suite: Suite, tag: string, job: (worker: number) => PostingJobFields): Promise<PostingRun<undefined>>;
async function postAndDeliver<T>(
  suite: Suite,
  tag: string,
  job: (worker: number) => PostingJobFields,
  alongside: (startAt: number) => Promise<T>,
): Promise<PostingRun<T>>;
async function postAndDeliver<T>(
  suite: Suite,
  tag: string,
  job: (worker: number) => PostingJobFields,
  alongside?: (startAt: number) => Promise<T>,
): Promise<PostingRun<T | undefined>> {
  const startAt = startSoon();
  const cpu = cpuWindow(suite);
  const posting = suite.pool.all(
    (i) => ({ ...job(i), url: suite.server.url, apiKey: suite.apiKey, recipients: recipientsFor(suite, i), tag, startAt }),
  );
  const during = await alongside?.(startAt);
  const reports = await posting;
  const accepted = sum(reports, 'accepted');
  const arrived = await waitDelivered(suite, tag, accepted, DELIVERY_WAIT_MS);
  return { startAt, reports, accepted, arrived, window: cpu.stop(), alongside: during };
}

/**
 * Two seconds of closed-loop posting that no figure counts: the first requests of a process pay for JIT
 * compilation, cold caches and connection set-up, which would otherwise land in the first figure only.
 */
export async function warmUp(suite: Suite): Promise<void> {
  const { pool } = suite;
  const { reports, arrived } = await postAndDeliver(suite, 'warm-up', (i) => ({
    kind: 'closedLoop',
    concurrency: share(16, pool.size, i),
    durationMs: 2000,
    drainMs: suite.options.drainS * 1000,
  }));
  await socketLatencies(suite, 'warm-up');
  say(`warm-up: ${formatCount(arrived.count)} notifications (not counted); ${answersLine(reports)}`);
}

/** Figure 1: `c` posters each waiting for their answer, for each `c` in `--concurrency`. */
export async function closedLoopIngest(suite: Suite): Promise<void> {
  for (const concurrency of suite.options.concurrency) {
    const run = await closedLoop(suite, `closed-${concurrency}`, concurrency);
    for (const [key, value] of Object.entries(run)) suite.metrics.set(`closed.${concurrency}.${key}`, value);
  }
}

/**
 * One closed-loop run (figure 1's, figure 10's): `concurrency` posters for `--duration`, printed; returns its
 * rate (notifications/s to the sockets), HTTP p50/p99 and server CPU per notification.
 */
export async function closedLoop(suite: Suite, tag: string, concurrency: number): Promise<{ rate: number; p50: number; p99: number; cpu: number }> {
  const { options, pool } = suite;
  const { startAt, reports, accepted, arrived, window } = await postAndDeliver(suite, tag, (i) => ({
    kind: 'closedLoop',
    concurrency: share(concurrency, pool.size, i),
    durationMs: options.durationS * 1000,
    drainMs: options.drainS * 1000,
  }));
  const elapsed = arrived.lastAt - startAt;
  const http = summarize(concat(reports.map((r) => r.latencies)));
  const e2e = summarize(await socketLatencies(suite, tag));
  const rate = arrived.count ? (arrived.count / elapsed) * 1000 : 0;
  say(`${concurrency} in flight: ${formatCount(rate)}/s (${formatCount(arrived.count)} reached their sockets of ${formatCount(accepted)} accepted in ${formatMs(elapsed)})`);
  say(`  HTTP ${percentilesLine(http)}; POST → socket ${percentilesLine(e2e)}`);
  say(`  server CPU ${formatMs(window.serverMs / Math.max(1, arrived.count))} per notification; ${coresLine(window)}`);
  say(`  ${answersLine(reports)}`);
  return { rate, p50: http.p50, p99: http.p99, cpu: arrived.count ? window.serverMs / arrived.count : Number.NaN };
}

/** Figure 2: posts leave on a fixed schedule at each rate of `--rates`, whatever the server answers. */
export async function openLoopIngest(suite: Suite): Promise<void> {
  const { options, pool, metrics } = suite;
  for (const rate of options.rates) {
    const tag = `open-${rate}`;
    const durationMs = options.openDurationS * 1000;
    const { startAt, reports, accepted, arrived, window } = await postAndDeliver(suite, tag, () => ({
      kind: 'openLoop',
      rate: rate / pool.size,
      durationMs,
      drainMs: options.drainS * 1000,
      connections: OPEN_LOOP_CONNECTIONS,
    }));
    const offered = Math.round(((rate / pool.size) * durationMs) / 1000) * pool.size;
    const achieved = arrived.count ? (arrived.count / (arrived.lastAt - startAt)) * 1000 : 0;
    const e2e = summarize(await socketLatencies(suite, tag));
    const lag = summarize(concat(reports.map((r) => r.lag)));
    metrics.set(`open.${rate}.achieved`, achieved);
    metrics.set(`open.${rate}.p50`, e2e.p50);
    metrics.set(`open.${rate}.p99`, e2e.p99);
    metrics.set(`open.${rate}.notSent`, offered - accepted);
    say(`offered ${formatCount(rate)}/s for ${options.openDurationS} s (${formatCount(offered)}): achieved ${formatCount(achieved)}/s, ${formatCount(offered - accepted)} never sent`);
    say(`  POST → socket ${percentilesLine(e2e)}; generator schedule lag p99 ${formatMs(lag.p99)}`);
    say(`  ${answersLine(reports)}; ${coresLine(window)}`);
  }
}

/** Figure 3: distinct notifications through `POST /api/v1/notifications/bulk`, until each reached its socket. */
export async function bulkIngest(suite: Suite): Promise<void> {
  const { options, pool, metrics } = suite;
  const { startAt, reports, accepted, arrived, window } = await postAndDeliver(suite, 'bulk', (i) => ({
    kind: 'bulk',
    items: share(options.bulkTotal, pool.size, i),
    batchSize: options.bulkSize,
    concurrency: 1,
    drainMs: 180_000,
  }));
  if (reports.some((r) => r.notFound)) {
    say('bulk: endpoint not available (POST /api/v1/notifications/bulk answered 404)');
    metrics.set('bulk.rate', 'endpoint not available');
    metrics.set('bulk.cpu', 'endpoint not available');
    return;
  }
  const rate = arrived.count ? (arrived.count / (arrived.lastAt - startAt)) * 1000 : 0;
  const http = summarize(concat(reports.map((r) => r.latencies)));
  metrics.set('bulk.rate', rate);
  metrics.set('bulk.cpu', arrived.count ? window.serverMs / arrived.count : Number.NaN);
  say(`${formatCount(options.bulkTotal)} notifications in requests of ${options.bulkSize}, ${pool.size} in flight: ${formatCount(rate)}/s to the sockets`);
  say(`  ${formatCount(arrived.count)} of ${formatCount(accepted)} accepted reached their sockets; HTTP per request ${percentilesLine(http)}`);
  say(`  server CPU ${formatMs(window.serverMs / Math.max(1, arrived.count))} per notification; ${coresLine(window)}; ${answersLine(reports)}`);
}

/**
 * Figure 8: an open-loop flood at twice the best closed-loop rate this suite measured (at least the largest
 * `--rates`), so more arrives than the server can do and its queue, not the generator's, decides what
 * waits; meanwhile this process (idle otherwise, so its own timing is not what is measured) times
 * `/api/health` and a user's inbox ten times a second each, and the 429/503 answers with `Retry-After`
 * (back-pressure) are counted.
 */
export async function responsiveness(suite: Suite): Promise<void> {
  const { options, pool, metrics } = suite;
  const best = Math.max(0, ...options.concurrency.map((c) => metrics.get(`closed.${c}.rate`)).filter((v): v is number => typeof v === 'number'));
  const rate = Math.round(Math.max(Math.max(...options.rates), 2 * best));
  const tag = 'saturate';
  const durationMs = Math.max(4000, options.durationS * 1000);
  const { startAt, reports, arrived, window, alongside: probes } = await postAndDeliver(
    suite,
    tag,
    () => ({ kind: 'openLoop', rate: rate / pool.size, durationMs, drainMs: options.drainS * 1000, connections: FLOOD_CONNECTIONS }),
    (at) => probe(suite, at, durationMs),
  );
  await socketLatencies(suite, tag);
  const health = summarize(probes.health);
  const inbox = summarize(probes.inbox);
  const achieved = arrived.count ? (arrived.count / (arrived.lastAt - startAt)) * 1000 : 0;
  metrics.set('health.offered', rate);
  metrics.set('health.p99', health.n ? health.p99 : 'no answer');
  metrics.set('health.inboxP99', inbox.n ? inbox.p99 : 'no answer');
  metrics.set('health.refused', sum(reports, 'refusedWithRetryAfter'));
  metrics.set('health.rate', achieved);
  say(`offered ${formatCount(rate)}/s for ${durationMs / 1000} s: ${formatCount(achieved)}/s reached the sockets; ${coresLine(window)}`);
  say(`  GET /api/health ${percentilesLine(health)}; GET /api/notifications ${percentilesLine(inbox)}; ${probes.failures} probes failed${probes.firstFailure ? ` (${probes.firstFailure})` : ''}`);
  say(`  ingest: ${answersLine(reports)}`);
}

/** Times the two reads one after the other, a pair every 100 ms, from `startAt` for `durationMs`. */
async function probe(suite: Suite, startAt: number, durationMs: number): Promise<{ health: number[]; inbox: number[]; failures: number; firstFailure: string | undefined }> {
  const agent = keepAliveAgent(2);
  const result = { health: [] as number[], inbox: [] as number[], failures: 0, firstFailure: undefined as string | undefined };
  const cookie = suite.socketUsers[0]!.cookie;
  const timed = async (path: string, headers: Record<string, string>, into: number[]) => {
    const t = performance.now();
    try {
      const answer = await httpRequest(agent, suite.server.url, 'GET', path, headers, undefined, AbortSignal.timeout(60_000));
      if (answer.status === 200) into.push(performance.now() - t);
      else {
        result.failures += 1;
        result.firstFailure ??= `${path}: HTTP ${answer.status} ${answer.body.slice(0, 200)}`;
      }
    } catch (err) {
      result.failures += 1;
      result.firstFailure ??= `${path}: ${String(err)}`;
    }
  };
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - epochMs())));
  const stopAt = startAt + durationMs;
  while (epochMs() < stopAt) {
    const slot = epochMs();
    await timed('/api/health', {}, result.health);
    await timed('/api/notifications?limit=20', { cookie }, result.inbox);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, slot + 100 - epochMs())));
  }
  agent.destroy();
  return result;
}
