/**
 * Figure 10 (issue 12 §3, "measured to not disturb ingest"): the closed loop of figure 1 at the largest
 * `--concurrency`, once with the retention job idle, then while it deletes a backlog of `--backlog`
 * notifications past their retention (the server runs with NOTIFICATION_RETENTION_DAYS and a 1 s
 * PURGE_INTERVAL_MS, see runBench). Both rates are printed, with how many rows the job deleted meanwhile.
 */
import { performance } from 'node:perf_hooks';
import { formatCount, formatMs } from './stats.js';
import { closedLoop } from './ingestFigures.js';
import { say, type Suite } from './suite.js';

/** Longest wait for the job to start on the backlog (it polls every second). */
const START_WAIT_MS = 10_000;

/** Figure 10; FlashNotify only (the baseline has no database and no job). */
export async function retentionUnderIngest(suite: Suite): Promise<void> {
  if (!suite.seedBacklog) return;
  const concurrency = Math.max(...suite.options.concurrency);
  say('retention idle (nothing past retention):');
  const idle = await closedLoop(suite, 'retention-idle', concurrency);

  const seeding = performance.now();
  const left = await suite.seedBacklog(suite.options.backlog);
  say(`backlog: ${formatCount(suite.options.backlog)} notifications past retention inserted in ${formatMs(performance.now() - seeding)}`);
  const waitStart = performance.now();
  let before = await left();
  while (before >= suite.options.backlog && performance.now() - waitStart < START_WAIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    before = await left();
  }
  say('retention deleting the backlog:');
  const started = performance.now();
  const busy = await closedLoop(suite, 'retention-busy', concurrency);
  const elapsedMs = performance.now() - started;
  const after = await left();
  const deleted = before - after;
  const deletedRate = (deleted / elapsedMs) * 1000;
  say(
    `the job deleted ${formatCount(deleted)} notifications during the run (${formatCount(deletedRate)}/s), ${formatCount(after)} left` +
      (after === 0 ? ': the backlog ran out before the run ended, so part of it ran without deletions (raise --backlog)' : ''),
  );
  say(`ingest: ${formatCount(idle.rate)}/s with retention idle, ${formatCount(busy.rate)}/s while it deletes (${((busy.rate / Math.max(1, idle.rate)) * 100).toFixed(0)} %)`);
  for (const [key, value] of Object.entries({ 'idle.rate': idle.rate, 'idle.p99': idle.p99, 'busy.rate': busy.rate, 'busy.p99': busy.p99, deletedRate })) {
    suite.metrics.set(`retention.${key}`, value);
  }
}
