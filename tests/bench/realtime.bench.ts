/**
 * `npm run bench`: every figure of issue 9 for FlashNotify, each beside a raw Socket.IO + HTTP baseline
 * (no database) measured in the same run and driven exactly the same way, ending with one table:
 * figure | FlashNotify | baseline | ratio | issue 9 goal. Both servers run as child processes on 127.0.0.1
 * (their own CPU and memory are read from /proc); sockets and posters live in several generator processes.
 * Bounded in count and time (flags and BENCH_SCALE: options.ts); see README → Benchmarks.
 *
 * The same file is the entry of the generator workers (`--role worker`) and of the baseline server
 * (`--role raw-server`).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OptionsError, parseBenchOptions, USAGE, type BenchOptions } from './options.js';

const { values: roleFlag } = parseArgs({ args: process.argv.slice(2), options: { role: { type: 'string' } }, strict: false });

if (roleFlag.role === 'worker') (await import('./loadWorker.js')).runLoadWorker();
else if (roleFlag.role === 'raw-server') (await import('./rawServer.js')).runRawServer();
else await main();

async function main(): Promise<void> {
  let options: BenchOptions | undefined;
  try {
    options = parseBenchOptions(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof OptionsError)) throw err;
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (!options) {
    console.log(USAGE);
    return;
  }
  if (!existsSync(new URL(`../../${options.serverEntry}`, import.meta.url))) {
    console.error(`The server entry ${options.serverEntry} does not exist: build it first (see package.json's start script), or pass --server-entry.`);
    process.exit(2);
  }
  // Exit handlers (servers, PostgreSQL, Redis) must run on Ctrl-C too.
  process.once('SIGINT', () => process.exit(130));
  const { runBench } = await import('./runBench.js');
  const started = Date.now();
  const runDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-bench-'));
  console.log(
    `FlashNotify bench: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)} at start; ` +
      `${options.sockets} sockets, ${options.users} users, ${options.workers} generator workers; server entry ${options.serverEntry}; figures: ${[...options.figures].join(', ')}; ` +
      `databases: ${[...options.databases].join(', ')}; logs in ${runDir}`,
  );
  try {
    await runBench(options, runDir);
  } finally {
    // The logs stay for a look at what went wrong; the databases go.
    for (const dir of ['sqlite', 'pg']) await rm(path.join(runDir, dir), { recursive: true, force: true });
  }
  console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s; server logs: ${runDir}`);
}
