/** Flags and `BENCH_SCALE` of `npm run bench`, parsed once (node:util parseArgs + zod). */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The figures of issue 9, by the name `--only` takes (the number works too). */
export const FIGURES = ['ingest', 'open', 'bulk', 'broadcast', 'restart', 'storm', 'memory', 'health', 'retention'] as const;
export type Figure = (typeof FIGURES)[number];
/** Figures 1–3, 8 and 10 (retention) are "ingest figures": the ones `--pg` repeats on PostgreSQL + Redis. */
export const INGEST_FIGURES: readonly Figure[] = ['ingest', 'open', 'bulk', 'health', 'retention'];

/** Everything a bench run needs to know, defaults applied and scaled. */
export interface BenchOptions {
  figures: Set<Figure>;
  /** Which databases FlashNotify runs on: SQLite (all figures) and/or PostgreSQL + Redis (ingest figures). */
  databases: Set<'sqlite' | 'pg'>;
  /** Sockets connected (one per signed-in user) for figures 2–8. */
  sockets: number;
  /** Users of the big broadcast and of the restart (figures 4 and 5); at least `sockets`. */
  users: number;
  /** Load generator processes; sockets and posters are spread over them. */
  workers: number;
  /** Closed-loop posters in flight, one run each (figure 1). */
  concurrency: number[];
  /** Seconds each closed-loop run posts for. */
  durationS: number;
  /** Open-loop offered rates per second (figure 2). */
  rates: number[];
  /** Seconds each open-loop rate is offered for. */
  openDurationS: number;
  /** Notifications sent through the bulk endpoint (figure 3), in requests of `bulkSize`. */
  bulkTotal: number;
  bulkSize: number;
  /** Notifications past retention the job deletes while figure 10 posts. */
  backlog: number;
  /** Seconds the idle sockets are watched after connecting (figure 7). */
  soakS: number;
  /** Longest wait, in seconds, for the HTTP answers of an open- or closed-loop run after it stops posting. */
  drainS: number;
  /** The server's entry point (default: what `npm start` runs): `.ts` runs through tsx, `.js` with plain node. */
  serverEntry: string;
  /** Directory FlashNotify's server processes write a V8 CPU profile into when they exit (`--cpu-prof`); undefined: none. */
  cpuProfDir: string | undefined;
  /** CPUs (a `taskset -c` list, e.g. `0-3`) the servers are pinned to; undefined: not pinned. */
  serverCpus: string | undefined;
  /** CPUs the load generator (this process and its workers) is pinned to. */
  generatorCpus: string | undefined;
}

export const USAGE = `npm run bench [-- flags]   (BENCH_SCALE=0.1 shrinks counts and durations; 2 doubles them)
  --only ingest,open,bulk,broadcast,restart,storm,memory,health,retention   (or 1-8, 10) which figures (default: all)
  --pg              also run the ingest figures (ingest, open, bulk, health) on PostgreSQL + Redis
  --pg-only         only PostgreSQL + Redis (ingest figures)
  --sockets N       sockets / signed-in users connected (default 10000)
  --users N         users of the big broadcast and the restart (default 100000)
  --workers N       load generator processes (default 4)
  --concurrency L   closed-loop posters in flight, comma-separated (default 16,32,64)
  --duration S      seconds per closed-loop run (default 6)
  --rates L         open-loop offered rates per second (default 500,1000)
  --open-duration S seconds each rate is offered (default 10)
  --bulk N          notifications through the bulk endpoint (default 20000); --bulk-size N per request (default 1000)
  --backlog N       notifications past retention the job deletes during figure 10 (default 300000)
  --soak S          seconds the idle sockets are watched for memory growth (default 20; 600 = issue 9's soak)
  --drain S         longest wait for HTTP answers after an open-loop or closed-loop run (default 30)
  --server-entry F  server entry point (default: the one \`npm start\` runs; a compiled .js runs with plain node)
  --cpu-prof DIR    FlashNotify's server processes write a .cpuprofile into DIR when they exit (node --cpu-prof)
  --server-cpus L   pin the servers to these CPUs (taskset -c list, e.g. 0-7); --generator-cpus L the generator`;

const positiveInt = z.coerce.number().int().min(1);
const list = z
  .string()
  .transform((text) => text.split(',').map((part) => Number(part.trim())))
  .pipe(z.array(z.number().int().min(1)).min(1));

const figureList = z
  .string()
  .transform((text) => text.split(',').map((part) => part.trim()))
  .pipe(
    z.array(
      z.string().transform((name, ctx) => {
        // 9 is the PostgreSQL repeat (--pg), not a figure of its own: retention is 10.
        const byNumber = /^[1-8]$/.test(name) ? FIGURES[Number(name) - 1] : name === '10' ? 'retention' : undefined;
        const figure = byNumber ?? FIGURES.find((f) => f === name);
        if (!figure) ctx.addIssue({ code: 'custom', message: `unknown figure "${name}" (one of ${FIGURES.join(', ')}, 1-8 or 10)` });
        return figure!;
      }),
    ),
  );

const cpuList = z.string().regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, 'Must be a CPU list like 0-3 or 0,2,4');

const flagsSchema = z.strictObject({
  only: figureList.optional(),
  pg: z.boolean().optional(),
  'pg-only': z.boolean().optional(),
  sockets: positiveInt.optional(),
  users: positiveInt.optional(),
  workers: positiveInt.max(32).optional(),
  concurrency: list.optional(),
  duration: z.coerce.number().positive().optional(),
  rates: list.optional(),
  'open-duration': z.coerce.number().positive().optional(),
  bulk: positiveInt.optional(),
  'bulk-size': positiveInt.max(1000).optional(),
  backlog: positiveInt.optional(),
  soak: z.coerce.number().min(0).optional(),
  drain: z.coerce.number().positive().optional(),
  'server-entry': z.string().min(1).optional(),
  'cpu-prof': z.string().min(1).optional(),
  'server-cpus': cpuList.optional(),
  'generator-cpus': cpuList.optional(),
  help: z.boolean().optional(),
});

/**
 * The file `npm start` runs (the last `tsx <file>` / `node <file>` of package.json's start script), so the
 * bench measures the server as it is deployed, whether through tsx or as a compiled build.
 */
function startEntry(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts?: Record<string, string> };
  const runs = [...(pkg.scripts?.start ?? '').matchAll(/\b(?:tsx|node)\s+(?:--\S+\s+)*([\w./-]+\.(?:ts|js|mjs))/g)];
  return runs.at(-1)?.[1] ?? 'server/index.ts';
}

/** Thrown for a flag or `BENCH_SCALE` the bench cannot use; the message names it. */
export class OptionsError extends Error {}

/**
 * Parses the command line and `BENCH_SCALE` (a factor on counts and durations, not on rates, concurrency
 * or the bulk request size: those define the figures). Returns undefined for `--help`.
 *
 * @example
 * parseBenchOptions(['--only', 'ingest', '--sockets', '2000'], { BENCH_SCALE: '0.5' });
 * @throws OptionsError naming the flag that is wrong
 */
export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | undefined {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        only: { type: 'string' },
        pg: { type: 'boolean' },
        'pg-only': { type: 'boolean' },
        sockets: { type: 'string' },
        users: { type: 'string' },
        workers: { type: 'string' },
        concurrency: { type: 'string' },
        duration: { type: 'string' },
        rates: { type: 'string' },
        'open-duration': { type: 'string' },
        bulk: { type: 'string' },
        'bulk-size': { type: 'string' },
        backlog: { type: 'string' },
        soak: { type: 'string' },
        drain: { type: 'string' },
        'server-entry': { type: 'string' },
        'cpu-prof': { type: 'string' },
        'server-cpus': { type: 'string' },
        'generator-cpus': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new OptionsError((err as Error).message);
  }
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OptionsError(`--${issue.path[0] as string}: ${issue.message}`);
  }
  const scaleParsed = z.coerce.number().positive().max(100).default(1).safeParse(env.BENCH_SCALE || undefined);
  if (!scaleParsed.success) throw new OptionsError(`BENCH_SCALE: ${scaleParsed.error.issues[0]!.message}`);
  const flags = parsed.data;
  if (flags.help) return undefined;
  const scale = scaleParsed.data;
  const count = (flag: number | undefined, fallback: number) => flag ?? Math.max(1, Math.round(fallback * scale));
  const seconds = (flag: number | undefined, fallback: number, min: number) => flag ?? Math.max(min, fallback * scale);
  const databases = new Set<'sqlite' | 'pg'>(flags['pg-only'] ? ['pg'] : flags.pg ? ['sqlite', 'pg'] : ['sqlite']);
  const sockets = count(flags.sockets, 10_000);
  return {
    figures: new Set(flags.only ?? FIGURES),
    databases,
    sockets,
    users: Math.max(count(flags.users, 100_000), sockets),
    workers: flags.workers ?? 4,
    concurrency: flags.concurrency ?? [16, 32, 64],
    durationS: seconds(flags.duration, 6, 2),
    rates: flags.rates ?? [500, 1000],
    openDurationS: seconds(flags['open-duration'], 10, 2),
    bulkTotal: count(flags.bulk, 20_000),
    bulkSize: flags['bulk-size'] ?? 1000,
    backlog: count(flags.backlog, 300_000),
    soakS: flags.soak ?? seconds(undefined, 20, 5),
    drainS: flags.drain ?? 30,
    serverEntry: flags['server-entry'] ?? startEntry(),
    cpuProfDir: flags['cpu-prof'],
    serverCpus: flags['server-cpus'],
    generatorCpus: flags['generator-cpus'],
  };
}
