/**
 * Throwaway Redis servers for tests, started from Debian's `redis-server` binary. No Docker and no
 * network: the server listens on 127.0.0.1 on a free port, keeps nothing on disk (`--save ''`,
 * `--appendonly no`) and runs as a child process (not `--daemonize`), so stop() always knows what to kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { aptInstall, canAptInstall, freePort } from './system.js';

/** A running throwaway Redis. */
export interface StartedRedis {
  /** `redis://127.0.0.1:<port>` (no password). */
  url: string;
  /** Kills the server and keeps its port free for `resume()`, to simulate an outage (all data is lost). */
  halt(): Promise<void>;
  /** Starts a fresh server on the same port after `halt()`; resolves once it accepts connections. */
  resume(): Promise<void>;
  /** Stops the server. Safe to call twice. */
  stop(): Promise<void>;
}

/** `redis-server` on PATH (or in /usr/bin, which a minimal PATH may lack), or undefined. */
function findRedisServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'];
  return dirs.filter(Boolean).map((dir) => join(dir, 'redis-server')).find((file) => existsSync(file));
}

/** Finds the binary; as root with apt-get installs Debian's `redis-server` once when it is missing. */
async function ensureRedisServer(): Promise<string> {
  const found = findRedisServer();
  if (found) return found;
  if (!canAptInstall()) {
    throw new Error('redis-server not found on PATH. Install Redis 7 or newer: sudo apt-get install -y redis-server');
  }
  await aptInstall('redis-server');
  const bin = findRedisServer();
  if (!bin) throw new Error('apt-get install redis-server finished but redis-server is still not on PATH');
  return bin;
}

/** Spawns redis-server and resolves once it accepts connections; rejects with its output if it exits first. */
function spawnRedis(bin: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      bin,
      ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.removeListener('exit', onExit);
        // Keep draining the pipes so a chatty server never blocks on a full pipe.
        child.stdout.removeListener('data', onData).resume();
        child.stderr.removeListener('data', onData).resume();
        resolve(child);
      }
    };
    const onExit = (code: number | null) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', onExit);
  });
}

/** Resolves when the child has exited, killing it harder if SIGTERM does not do it within 3 s. */
function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts a fresh Redis on a free 127.0.0.1 port.
 *
 * @example
 * const redis = await startRedis();
 * afterAll(() => redis.stop());
 */
export async function startRedis(): Promise<StartedRedis> {
  const bin = await ensureRedisServer();
  // A port can be taken between freePort() and the server's bind: retry a few times.
  let child: ChildProcess;
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      child = await spawnRedis(bin, port);
      break;
    } catch (err) {
      if (attempt >= 3) throw new Error(`Could not start ${bin}: ${(err as Error).message}`);
    }
  }

  // Last resort when the test process exits without calling stop(): never leave a server running.
  const killSync = () => child.kill('SIGKILL');
  process.once('exit', killSync);
  let stopping: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    halt: () => killChild(child),
    resume: async () => {
      child = await spawnRedis(bin, port);
    },
    stop: () =>
      (stopping ??= (async () => {
        process.removeListener('exit', killSync);
        await killChild(child);
      })()),
  };
}
