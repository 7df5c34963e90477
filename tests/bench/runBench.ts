/**
 * The order of a bench run: the baseline suite, then FlashNotify on SQLite (every figure) and/or on
 * PostgreSQL + Redis (the ingest figures), then the table. Within a suite the figures run in an order
 * that keeps each one's conditions: memory on the fresh process, ingest and broadcasts with every socket
 * connected, the restart once the database has all its users.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase, type Db } from '../../server/db/client.js';
import { migrateDatabase } from '../../server/db/migrate.js';
import { startPostgres } from '../helpers/postgres.js';
import { startRedis } from '../helpers/redis.js';
import { freePort } from '../helpers/system.js';
import { bulkIngest, closedLoopIngest, openLoopIngest, responsiveness, warmUp } from './ingestFigures.js';
import { INGEST_FIGURES, type BenchOptions, type Figure } from './options.js';
import type { RawState } from './rawServer.js';
import { tableRows } from './report.js';
import { pinToCpus } from './procStats.js';
import { insertBacklog, insertSessions, insertUsers } from './seed.js';
import { retentionUnderIngest } from './retentionFigure.js';
import { benchUserId, newSessions, type BenchSession } from './sessions.js';
import { flashNotifyLaunch, rawLaunch, ServerUnderTest } from './servers.js';
import { broadcast, openSockets, restartAndStorm } from './socketFigures.js';
import { quiesce, say, type Metrics, type Suite } from './suite.js';
import { renderTable } from './table.js';
import { WorkerPool } from './workerPool.js';

/** NOTIFICATION_RETENTION_DAYS of the server under test (figure 10's backlog is older). */
const RETENTION_DAYS = 365;

/** Users without a socket whose unread count is checked after the big broadcast. */
const SAMPLE_USERS = 20;

/** What every suite of one run shares: the generator, the users' sessions, the secrets. */
interface Run {
  options: BenchOptions;
  runDir: string;
  pool: WorkerPool;
  secret: string;
  apiKey: string;
  socketSessions: BenchSession[];
  sampleSessions: BenchSession[];
  servers: ServerUnderTest[];
}

/** Runs every selected suite and prints the table. */
export async function runBench(options: BenchOptions, runDir: string): Promise<void> {
  const secret = randomBytes(32).toString('base64url');
  const sampleIds = Array.from({ length: Math.min(SAMPLE_USERS, options.users - options.sockets) }, (_, i) =>
    benchUserId(options.sockets + Math.floor(((options.users - options.sockets) * i) / SAMPLE_USERS)),
  );
  const pool = await WorkerPool.start(options.workers);
  for (const pid of [process.pid, ...pool.pids]) pinToCpus(pid, options.generatorCpus);
  const run: Run = {
    options,
    runDir,
    pool,
    secret,
    apiKey: `fn_bench_${randomBytes(16).toString('hex')}`,
    socketSessions: newSessions(Array.from({ length: options.sockets }, (_, i) => benchUserId(i)), secret),
    sampleSessions: newSessions(sampleIds, secret),
    servers: [],
  };
  process.once('exit', () => run.servers.forEach((server) => server.killNow()));
  try {
    const baseline = await runSuite(run, await baselineSuite(run));
    const results: { metrics: Metrics; prefix: string }[] = [];
    if (options.databases.has('sqlite')) results.push({ metrics: await flashNotifySuite(run, 'sqlite'), prefix: '' });
    if (options.databases.has('pg')) results.push({ metrics: await flashNotifySuite(run, 'pg'), prefix: 'PostgreSQL + Redis: ' });
    const rows = results.flatMap(({ metrics, prefix }) => tableRows(options, metrics, baseline, prefix));
    console.log(`\n${renderTable(rows)}`);
    for (const [name, metrics] of [['baseline', baseline], ...results.map((r) => [r.prefix || 'FlashNotify: ', r.metrics] as const)] as const) {
      for (const [key, value] of metrics) if (key.startsWith('failed.')) console.log(`${name.replace(/: $/, '')}: figure "${key.slice(7)}" failed, not in the table: ${value}`);
    }
  } finally {
    await pool.stop();
    for (const server of run.servers) await server.stop();
  }
}

/** Runs a suite's figures in order, with its sockets connected, then closes them and stops its server. */
async function runSuite(run: Run, suite: Suite): Promise<Metrics> {
  // PostgreSQL runs the ingest figures only, and so does the baseline when SQLite does not run.
  const ingestOnly = suite.name === 'pg' || (suite.name === 'baseline' && !run.options.databases.has('sqlite'));
  const figures = new Set<Figure>([...run.options.figures].filter((f) => !ingestOnly || INGEST_FIGURES.includes(f)));
  const has = (figure: Figure) => figures.has(figure);
  /** One figure: its heading, an idle server to start from, and a failure that ends only this figure. */
  const step = async (title: string, run: () => Promise<void>) => {
    // Other processes on the machine take CPU from both sides: the load average says how busy it was.
    console.log(`\n${suite.title}: ${title} (load average ${loadavg()[0]!.toFixed(2)})`);
    await quiesce(suite);
    try {
      await run();
    } catch (err) {
      say(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
      suite.metrics.set(`failed.${title}`, String(err));
    }
  };
  try {
    await step(has('memory') ? '7 memory per idle socket (fresh process)' : 'sockets', () => openSockets(suite, has('memory')));
    if (INGEST_FIGURES.some(has)) await step('warm-up', () => warmUp(suite));
    if (has('ingest')) await step('1 closed-loop single-recipient ingest', () => closedLoopIngest(suite));
    if (has('open')) await step('2 open-loop single-recipient ingest', () => openLoopIngest(suite));
    if (has('bulk')) await step('3 bulk endpoint', () => bulkIngest(suite));
    if (has('broadcast')) await step(`4 broadcast to ${run.options.sockets} users`, () => broadcast(suite, 'small', run.options.sockets));
    if (has('health')) await step('8 health and inbox while ingest is saturated', () => responsiveness(suite));
    if (has('retention') && suite.seedBacklog) await step('10 ingest while the retention job deletes a backlog', () => retentionUnderIngest(suite));
    if (has('restart') || has('storm') || has('broadcast')) {
      await step(`adding users up to ${run.options.users}`, () => suite.growUsers());
      // The restart after it is figure 5 (and 6); it also makes sure no cache predates the new users.
      const title = has('storm') ? '5 restart and 6 reconnect storm' : has('restart') ? '5 restart' : 'restart (not measured)';
      await step(title, () => restartAndStorm(suite, has('storm')));
    }
    if (has('broadcast')) await step(`4 broadcast to ${run.options.users} users`, () => broadcast(suite, 'big', run.options.users));
  } finally {
    await suite.pool.all({ kind: 'close' });
    await suite.server.stop();
  }
  return suite.metrics;
}

/** The raw Socket.IO + HTTP server, given the same users and sessions through a state file. */
async function baselineSuite(run: Run): Promise<Suite> {
  const dir = path.join(run.runDir, 'baseline');
  await mkdir(dir, { recursive: true });
  const stateFile = path.join(dir, 'state.json');
  const sessions = [...run.socketSessions, ...run.sampleSessions].map((s): [string, string] => [s.sid, s.userId]);
  const writeState = (userCount: number) => writeFile(stateFile, JSON.stringify({ userCount, sessions } satisfies RawState));
  await writeState(run.options.sockets);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { BENCH_RAW_PORT: String(port), BENCH_RAW_STATE: stateFile, BENCH_RAW_SECRET: run.secret, BENCH_RAW_API_KEY: run.apiKey };
  const server = new ServerUnderTest('baseline', url, rawLaunch(env, path.join(run.runDir, 'baseline.log'), run.options.serverCpus));
  run.servers.push(server);
  await server.start();
  return {
    name: 'baseline',
    title: 'baseline (raw Socket.IO + HTTP, no database)',
    server,
    pool: run.pool,
    options: run.options,
    apiKey: run.apiKey,
    trackSeqs: false,
    socketUsers: run.socketSessions,
    sampleUsers: run.sampleSessions,
    growUsers: () => writeState(run.options.users),
    metrics: new Map(),
  };
}

/**
 * FlashNotify's real entry point on a fresh database (SQLite in the run directory, or a throwaway
 * PostgreSQL + Redis), migrated and given its users and sessions before the first start.
 */
async function flashNotifySuite(run: Run, dialect: 'sqlite' | 'pg'): Promise<Metrics> {
  const dataDir = path.join(run.runDir, dialect);
  await mkdir(dataDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  let db: Db | undefined;
  try {
    let env: Record<string, string> = {};
    let databaseUrl = `file:${path.join(dataDir, 'flashnotify.db')}`;
    if (dialect === 'pg') {
      const pg = await startPostgres();
      stops.push(() => pg.stop());
      await pg.createDatabase('bench');
      const redis = await startRedis();
      stops.push(() => redis.stop());
      databaseUrl = pg.urlFor('bench');
      env = { REDIS_URL: redis.url };
    }
    await migrateDatabase(databaseUrl);
    db = await openDatabase(databaseUrl, dialect === 'pg' ? 'postgres' : 'sqlite');
    const database = db;
    await insertUsers(database, 0, run.options.sockets);
    await insertSessions(database, run.socketSessions);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const launch = flashNotifyLaunch(
      run.options.serverEntry,
      {
        ...env,
        // Production as deployed (no demo accounts); loopback only; the API key's rate limit raised by its
        // variable (README → Configuration) so the figures measure the server, not the limiter.
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        SESSION_SECRET: run.secret,
        BOOTSTRAP_API_KEY: run.apiKey,
        API_RATE_LIMIT: '1000000000',
        // No load balancer in front to drain: the restart figures measure the restart, not SHUTDOWN_DRAIN_MS.
        SHUTDOWN_DRAIN_MS: '0',
        // Figure 10: notifications older than a year go, and the purge job looks every second (with nothing
        // past retention, each look is one indexed query per category).
        NOTIFICATION_RETENTION_DAYS: String(RETENTION_DAYS),
        PURGE_INTERVAL_MS: '1000',
      },
      path.join(run.runDir, `flashnotify-${dialect}.log`),
      run.options.serverCpus,
      run.options.cpuProfDir,
    );
    const server = new ServerUnderTest('FlashNotify', url, launch);
    run.servers.push(server);
    const startMs = await server.start();
    console.log(`\nFlashNotify (${dialect === 'pg' ? 'PostgreSQL + Redis' : 'SQLite'}) started in ${(startMs / 1000).toFixed(2)} s on a fresh database with ${run.options.sockets} users`);
    return await runSuite(run, {
      name: dialect,
      title: dialect === 'pg' ? 'FlashNotify (PostgreSQL + Redis)' : 'FlashNotify (SQLite)',
      server,
      pool: run.pool,
      options: run.options,
      apiKey: run.apiKey,
      trackSeqs: true,
      socketUsers: run.socketSessions,
      sampleUsers: run.sampleSessions,
      growUsers: async () => {
        await insertUsers(database, run.options.sockets, run.options.users);
        await insertSessions(database, run.sampleSessions);
      },
      countSendRows: (sendId) => database.notification.count({ where: { sendId } }),
      seedBacklog: async (count) => {
        const createdAt = new Date(Date.now() - (RETENTION_DAYS + 30) * 86_400_000);
        await insertBacklog(database, run.socketSessions.map((s) => s.userId), count, createdAt);
        return () => database.notification.count({ where: { category: 'general', createdAt: { lte: createdAt } } });
      },
      metrics: new Map(),
    });
  } finally {
    await db?.$disconnect();
    for (const stop of stops.reverse()) await stop();
  }
}
