import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogEntry } from './logCapture.js';
import { TEST_API_KEY } from './testServer.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The real entry point (`server/index.ts`, or a compiled build of it) in its own process. */
export interface ChildServer {
  child: ChildProcess;
  /** Parsed JSON log lines from stdout, in order. */
  logs: LogEntry[];
  /** Everything written to stderr. */
  stderr(): string;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the base URL once the server logs that it listens; rejects if it exits first. */
  listening: Promise<string>;
  /** Kills the process (if still running) and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * Spawns `node --import tsx [--import <preload>] server/index.ts` (or, with `entry`, `node <entry>`, the
 * compiled build as `npm start` runs it) on 127.0.0.1, port 0, a fresh DATA_DIR and JSON logs, with an IPC
 * channel (so a test-only preload can take orders from the test).
 *
 * @example
 * const server = spawnServer({ LOG_LEVEL: 'info' });
 * const url = await server.listening;
 */
export function spawnServer(
  env: Record<string, string> = {},
  options: {
    preload?: string;
    /** A compiled entry point (e.g. `dist/server/index.js`) run by plain node instead of the sources through tsx. */
    entry?: string;
    /** Runs the server through this command, which must end by exec-ing its arguments (e.g. `unshare -m sh -c '…; exec "$@"' sh`). */
    wrapper?: string[];
    /** The working directory (default: the repository). */
    cwd?: string;
  } = {},
): ChildServer {
  const dataDirReady = mkdtemp(path.join(tmpdir(), 'flashnotify-child-'));
  const logs: LogEntry[] = [];
  let stderr = '';
  let child!: ChildProcess;
  const start = async () => {
    const dataDir = await dataDirReady;
    const preload = options.preload ? ['--import', options.preload] : [];
    const args = options.entry ? ['--enable-source-maps', ...preload, options.entry] : ['--import', 'tsx', ...preload, 'server/index.ts'];
    const [file, ...wrapperArgs] = options.wrapper ?? [];
    child = spawn(file ?? process.execPath, file ? [...wrapperArgs, process.execPath, ...args] : args, {
      cwd: options.cwd ?? repoRoot,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        BOOTSTRAP_API_KEY: TEST_API_KEY,
        ...env,
      },
    });
    return child;
  };
  const childReady = start();
  const exited = childReady.then(
    (c) =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        c.on('exit', (code, signal) => resolve({ code, signal }));
      }),
  );
  const listening = childReady.then(
    (c) =>
      new Promise<string>((resolve, reject) => {
        let buffered = '';
        c.stdout!.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          const lines = buffered.split('\n');
          buffered = lines.pop()!;
          for (const line of lines) {
            if (!line.startsWith('{')) continue;
            const entry = JSON.parse(line) as LogEntry;
            logs.push(entry);
            const url = /listening on (http:\/\/\S+)/.exec(entry.msg)?.[1];
            if (url) resolve(url.replace('localhost', '127.0.0.1'));
          }
        });
        c.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        c.on('exit', (code) => reject(new Error(`server exited with ${code} before listening: ${stderr}`)));
      }),
  );
  listening.catch(() => {}); // observed through `exited` by tests that expect a failed start
  return {
    get child() {
      return child;
    },
    logs,
    stderr: () => stderr,
    exited,
    listening,
    stop: async () => {
      const c = await childReady;
      if (c.exitCode === null && c.signalCode === null) {
        c.kill('SIGKILL');
        await exited;
      }
      await rm(await dataDirReady, { recursive: true, force: true });
    },
  };
}
