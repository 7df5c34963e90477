/** One system under test with its sockets and generator, and the helpers every figure uses. */
import { epochMs } from './benchSocket.js';
import type { BenchOptions } from './options.js';
import { cpuMsOf, measureCpu, type CpuWindow } from './procStats.js';
import type { BenchSession } from './sessions.js';
import type { ServerUnderTest } from './servers.js';
import { formatMs, type Summary } from './stats.js';
import type { WorkerPool } from './workerPool.js';

/** What one suite measured, by metric key (see report.ts); a string says why a figure has no number. */
export type Metrics = Map<string, number | string>;

/** A system under test, driven by the shared generator. */
export interface Suite {
  /** `baseline`, `sqlite` or `pg`: the column and row prefix its metrics go to. */
  name: 'baseline' | 'sqlite' | 'pg';
  /** For the log: `baseline (raw Socket.IO + HTTP)`, `FlashNotify (SQLite)`… */
  title: string;
  server: ServerUnderTest;
  pool: WorkerPool;
  options: BenchOptions;
  apiKey: string;
  /** FlashNotify has per-user seqs to check for gaps; the baseline's are not kept across restarts. */
  trackSeqs: boolean;
  /** The signed-in users that hold a socket (users 0 … sockets - 1). */
  socketUsers: BenchSession[];
  /** Signed-in users without a socket, among those added by `growUsers` (for exact-count samples). */
  sampleUsers: BenchSession[];
  /** Adds users up to `options.users`; the server sees them after its next restart (the baseline reads them at start). */
  growUsers(): Promise<void>;
  /** FlashNotify only: the notifications a send created, counted in the database. */
  countSendRows?(sendId: string): Promise<number>;
  /** FlashNotify only: inserts `count` notifications past retention for the socket users (figure 10); resolves with a counter of those left. */
  seedBacklog?(count: number): Promise<() => Promise<number>>;
  metrics: Metrics;
}

/** Prints one line of progress, indented under the current figure. */
export const say = (line: string): void => console.log(`  ${line}`);

/** `count` split over `parts` as evenly as possible (the first ones get the remainder). */
export const share = (count: number, parts: number, index: number): number => Math.floor(count / parts) + (index < count % parts ? 1 : 0);

/** The socket users' ids, rotated per worker, so posters of different workers do not hit the same users together. */
export function recipientsFor(suite: Suite, worker: number): string[] {
  const ids = suite.socketUsers.map((u) => u.userId);
  const offset = Math.floor((ids.length * worker) / suite.pool.size);
  return [...ids.slice(offset), ...ids.slice(0, offset)];
}

/** A start time far enough ahead for every worker to get its job (epoch ms). */
export const startSoon = (): number => epochMs() + 300;

/** How many notifications tagged `tag` reached the sockets, and when the last one did. */
export async function delivered(suite: Suite, tag: string): Promise<{ count: number; lastAt: number }> {
  const counters = await suite.pool.all({ kind: 'counters' });
  return counters.reduce(
    (sum, c) => ({ count: sum.count + (c.byTag[tag]?.count ?? 0), lastAt: Math.max(sum.lastAt, c.byTag[tag]?.lastAt ?? 0) }),
    { count: 0, lastAt: 0 },
  );
}

/** Waits until `expected` notifications tagged `tag` reached the sockets, or `timeoutMs` passed. */
export async function waitDelivered(suite: Suite, tag: string, expected: number, timeoutMs: number): Promise<{ count: number; lastAt: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await delivered(suite, tag);
    if (now.count >= expected || Date.now() > deadline) return now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The end-to-end latencies (POST → socket, ms) the workers recorded for `tag`. */
export async function socketLatencies(suite: Suite, tag: string): Promise<Float64Array> {
  return concat(await suite.pool.all({ kind: 'latencies', tag }));
}

/** Disconnects the server or network caused since the counters were reset, by reason. */
export async function disconnects(suite: Suite): Promise<{ total: number; reasons: string }> {
  const counters = await suite.pool.all({ kind: 'counters' });
  const byReason = new Map<string, number>();
  for (const c of counters) for (const [reason, n] of Object.entries(c.disconnects)) byReason.set(reason, (byReason.get(reason) ?? 0) + n);
  const total = [...byReason.values()].reduce((a, b) => a + b, 0);
  return { total, reasons: [...byReason].map(([reason, n]) => `${n} ${reason}`).join(', ') };
}

/** Starts a CPU window on the current server process and the generator. */
export const cpuWindow = (suite: Suite): { stop(): CpuWindow } => measureCpu(suite.server.pid, suite.pool.pids);

/** `server 0.93 cores, generator 0.41 cores` over a window of `ms`. */
export function coresLine(cpu: CpuWindow, ms = cpu.wallMs): string {
  return `server ${(cpu.serverMs / ms).toFixed(2)} cores, load generator ${(cpu.generatorMs / ms).toFixed(2)} cores`;
}

/** `p50 12.3 ms, p99 45.6 ms (n=1,000)`. */
export const percentilesLine = (s: Summary): string => `p50 ${formatMs(s.p50)}, p99 ${formatMs(s.p99)}, max ${formatMs(s.max)} (n=${s.n})`;

/** Concatenates typed arrays of samples. */
export function concat(parts: Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** Waits until every socket is connected and synced again; logs how many are not. */
export async function settleSockets(suite: Suite, timeoutMs = 60_000): Promise<void> {
  const ready = (await suite.pool.all({ kind: 'settle', deadlineMs: timeoutMs })).reduce((a, b) => a + b, 0);
  if (ready < suite.socketUsers.length) say(`warning: only ${ready} of ${suite.socketUsers.length} sockets are connected and synced`);
}

/** Server CPU below which it counts as idle: pings of 10,000 idle sockets cost less. */
const IDLE_CORES = 0.1;

/**
 * Waits until the server is idle (under IDLE_CORES over half a second), so what one figure left behind
 * (posts the generator gave up on but the server still processes, a broadcast's tail) does not land in the
 * next one's numbers; at most `timeoutMs`.
 */
export async function quiesce(suite: Suite, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const before = cpuMsOf(suite.server.pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const cores = (cpuMsOf(suite.server.pid) - before) / 500;
    if (cores < IDLE_CORES) return;
    if (Date.now() > deadline) {
      say(`warning: the server still uses ${cores.toFixed(2)} cores after ${timeoutMs / 1000} s of waiting for it to idle`);
      return;
    }
  }
}
