/** Turns the suites' metrics into the closing table's rows, each beside the baseline and issue 9's goal. */
import type { BenchOptions } from './options.js';
import type { Metrics } from './suite.js';
import { atLeast, atMost, withinBaseline, type Goal, type Row, type Unit } from './table.js';
import { formatCount } from './stats.js';

/** 30 KB (issue 9's memory goal) in KiB, the unit /proc reports. */
const THIRTY_KB_IN_KIB = 30_000 / 1024;

/**
 * The table rows for one FlashNotify suite (`prefix` names the database when several ran) against the
 * baseline's metrics of the same run. Figures FlashNotify did not run are left out.
 */
export function tableRows(options: BenchOptions, fn: Metrics, baseline: Metrics, prefix = ''): Row[] {
  const rows: Row[] = [];
  const add = (figure: string, key: string, unit: Unit, goal?: Goal) => {
    if (!fn.has(key)) return;
    rows.push({ figure: `${prefix}${figure}`, unit, flashnotify: fn.get(key), baseline: baseline.get(key), goal });
  };
  for (const c of options.concurrency) {
    add(`1 closed loop, ${c} in flight: notifications/s`, `closed.${c}.rate`, 'perSecond', atLeast(2000, '≥ 2,000/s'));
    add(`1 closed loop, ${c} in flight: HTTP p50`, `closed.${c}.p50`, 'ms');
    add(`1 closed loop, ${c} in flight: HTTP p99`, `closed.${c}.p99`, 'ms');
    add(`1 closed loop, ${c} in flight: server CPU per notification`, `closed.${c}.cpu`, 'ms', withinBaseline(3, '≤ 3× baseline'));
  }
  for (const rate of options.rates) {
    const at1000 = rate >= 1000;
    add(`2 open loop ${formatCount(rate)}/s offered: achieved`, `open.${rate}.achieved`, 'perSecond', atLeast(rate * 0.99, `${formatCount(rate)}/s`));
    add(`2 open loop ${formatCount(rate)}/s: POST → socket p50`, `open.${rate}.p50`, 'ms');
    add(`2 open loop ${formatCount(rate)}/s: POST → socket p99`, `open.${rate}.p99`, 'ms', at1000 ? atMost(50, '≤ 50 ms at 1,000/s') : undefined);
    add(`2 open loop ${formatCount(rate)}/s: never sent`, `open.${rate}.notSent`, 'count', atMost(0, '0'));
  }
  add('3 bulk endpoint: notifications/s to the sockets', 'bulk.rate', 'perSecond', atLeast(10_000, '≥ 10,000/s'));
  add('3 bulk endpoint: server CPU per notification', 'bulk.cpu', 'ms');
  add(`4 broadcast to ${formatCount(options.sockets)} users: to 202`, 'broadcast.small.to202', 'ms', atMost(600, '≤ 0.6 s'));
  add(`4 broadcast to ${formatCount(options.sockets)} users: to the last socket`, 'broadcast.small.toLast', 'ms', atMost(600, '≤ 0.6 s'));
  add(`4 broadcast to ${formatCount(options.sockets)} users: sockets dropped`, 'broadcast.small.dropped', 'count', atMost(0, '0'));
  add(`4 broadcast to ${formatCount(options.users)} users: to 202`, 'broadcast.big.to202', 'ms', atMost(2000, '≤ 2 s'));
  add(`4 broadcast to ${formatCount(options.users)} users: to the last socket`, 'broadcast.big.toLast', 'ms', atMost(2000, '≤ 2 s'));
  add(`4 broadcast to ${formatCount(options.users)} users: sockets dropped`, 'broadcast.big.dropped', 'count', atMost(0, '0'));
  add(`4 broadcast to ${formatCount(options.users)} users: counts`, 'broadcast.big.exact', 'count', { text: 'exact', met: () => true });
  add(`5 start → healthy (${formatCount(options.users)} users)`, 'restart.start', 'ms', atMost(3000, '≤ 3 s'));
  add('5 SIGTERM → healthy again', 'restart.total', 'ms');
  add(`6 reconnect storm, ${formatCount(options.sockets)} sockets: SIGTERM → all synced`, 'storm.synced', 'ms', atMost(20_000, '≤ 20 s'));
  add('6 reconnect storm: seqs lost', 'storm.lost', 'count', atMost(0, '0'));
  add('6 reconnect storm: duplicate deliveries', 'storm.duplicates', 'count');
  add(`7 RSS per idle socket (0 → ${formatCount(options.sockets)})`, 'memory.perSocket', 'kib', atMost(THIRTY_KB_IN_KIB, '≤ 30 KB'));
  add(`7 RSS drift per socket over a ${options.soakS} s soak`, 'memory.drift', 'kib', { text: 'flat', met: (value) => value < 1 });
  add('8 at saturation: GET /api/health p99', 'health.p99', 'ms', atMost(100, '≤ 100 ms'));
  add('8 at saturation: GET /api/notifications p99', 'health.inboxP99', 'ms', atMost(100, '≤ 100 ms'));
  add('8 saturating flood: offered', 'health.offered', 'perSecond');
  add('8 at saturation: notifications/s to the sockets', 'health.rate', 'perSecond');
  add('8 at saturation: 429/503 answers with Retry-After', 'health.refused', 'count');
  const c = Math.max(...options.concurrency);
  add(`10 closed loop, ${c} in flight, retention idle: notifications/s`, 'retention.idle.rate', 'perSecond');
  add(`10 closed loop, ${c} in flight, retention deleting: notifications/s`, 'retention.busy.rate', 'perSecond');
  add('10 retention idle: HTTP p99', 'retention.idle.p99', 'ms');
  add('10 retention deleting: HTTP p99', 'retention.busy.p99', 'ms');
  add('10 rows the retention job deleted meanwhile, per second', 'retention.deletedRate', 'perSecond');
  return rows;
}
