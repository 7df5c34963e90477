/**
 * The two systems under test as child processes, so their own CPU and memory can be read from /proc:
 * FlashNotify's real entry point (as `npm start` runs it, `node --import tsx server/index.ts`, or a compiled
 * `.js` with plain node) and the raw baseline (this bench's entry with `--role raw-server`). Both listen on
 * a fixed 127.0.0.1 port, so a restarted process takes the same address and its sockets come back to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { epochMs } from './benchSocket.js';
import { pinToCpus } from './procStats.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const benchEntry = fileURLToPath(new URL('./realtime.bench.ts', import.meta.url));

/** How to start one system: the node arguments and environment; output goes to `logFile`. */
export interface Launch {
  args: string[];
  env: Record<string, string>;
  logFile: string;
  /** CPUs to pin the process to (`--server-cpus`). */
  cpus?: string;
}

/**
 * FlashNotify's entry point (a `.ts` file runs through the tsx loader, as `npm start` does); with
 * `cpuProfDir`, node writes a V8 CPU profile of the process there when it exits.
 */
export function flashNotifyLaunch(entry: string, env: Record<string, string>, logFile: string, cpus?: string, cpuProfDir?: string): Launch {
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  return { args: [...profile, ...(entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry])], env, logFile, cpus };
}

/** The baseline server: this bench's entry in the raw-server role, through the same loader. */
export function rawLaunch(env: Record<string, string>, logFile: string, cpus?: string): Launch {
  return { args: ['--import', 'tsx', benchEntry, '--role', 'raw-server'], env, logFile, cpus };
}

/** Times of one restart, in ms. */
export interface RestartTimes {
  /** SIGTERM → the old process has exited (graceful shutdown). */
  shutdownMs: number;
  /** New process spawned → `GET /api/health` answers 200. */
  startMs: number;
  /** SIGTERM → the new process answers 200. */
  totalMs: number;
}

/** Resolves with the epoch ms of the first 200 from `GET <url>/api/health`, polling every 20 ms. */
export async function waitHealthy(url: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await new Promise<number>((resolve) => {
      const req = request(`${url}/api/health`, { agent: false, timeout: 2000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(0));
      req.end();
    });
    if (status === 200) return epochMs();
    if (Date.now() > deadline) throw new Error(`${url}/api/health did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** One system under test, running as a child process on a fixed port. */
export class ServerUnderTest {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly label: string,
    readonly url: string,
    private readonly launch: Launch,
  ) {}

  /** The current process's id. */
  get pid(): number {
    return this.child!.pid!;
  }

  /** Spawns the process; resolves with the ms from spawn to the first healthy answer. */
  async start(timeoutMs = 120_000): Promise<number> {
    const t0 = epochMs();
    const log = openSync(this.launch.logFile, 'a');
    const child = spawn(process.execPath, this.launch.args, { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', ...this.launch.env }, stdio: ['ignore', log, log] });
    closeSync(log);
    this.child = child;
    pinToCpus(child.pid!, this.launch.cpus);
    let failed: (err: Error) => void = () => {};
    const died = new Promise<never>((_, reject) => (failed = reject));
    died.catch(() => {});
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        failed(new Error(`${this.label} exited (${code ?? signal}) before it was healthy; see ${this.launch.logFile}`));
        resolve();
      }),
    );
    const healthyAt = await Promise.race([waitHealthy(this.url, timeoutMs), died]);
    return healthyAt - t0;
  }

  /** SIGTERM, wait for the exit (SIGKILL after `graceMs`), start again; the times of each step. */
  async restart(graceMs = 30_000): Promise<RestartTimes> {
    const t0 = epochMs();
    await this.stop(graceMs);
    const shutdownMs = epochMs() - t0;
    const startMs = await this.start();
    return { shutdownMs, startMs, totalMs: epochMs() - t0 };
  }

  /** SIGTERM and wait for the exit; SIGKILL after `graceMs`. */
  async stop(graceMs = 30_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const hard = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.kill('SIGTERM');
    await this.exited;
    clearTimeout(hard);
  }

  /** Last resort on the bench's own exit: no server is left running. */
  killNow(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
