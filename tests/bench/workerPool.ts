import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerMessage, WorkerReply, WorkerRequest, WorkerResults } from './protocol.js';

/** The bench's entry file, forked again with `--role worker` (one entry point: knip sees every module used). */
const entry = fileURLToPath(new URL('./realtime.bench.ts', import.meta.url));

type Kind = WorkerRequest['kind'];

/**
 * The load generator processes, and a typed request/answer call over IPC to each of them.
 *
 * @example
 * const pool = await WorkerPool.start(4);
 * const counters = await pool.all({ kind: 'counters' });
 */
export class WorkerPool {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();

  private constructor(private readonly children: ChildProcess[]) {
    for (const child of children) {
      child.on('message', (reply: WorkerReply) => {
        const waiter = this.waiting.get(reply.id);
        if (!waiter) return;
        this.waiting.delete(reply.id);
        if (reply.error !== undefined) waiter.reject(new Error(`generator worker ${child.pid}: ${reply.error}`));
        else waiter.resolve(reply.result);
      });
      child.on('exit', (code, signal) => {
        if (this.stopping) return;
        for (const waiter of this.waiting.values()) waiter.reject(new Error(`a generator worker exited (${code ?? signal})`));
        this.waiting.clear();
      });
    }
  }

  private stopping = false;

  /** Forks `count` workers (tsx loader, structured-clone IPC) and resolves once each is running. */
  static async start(count: number): Promise<WorkerPool> {
    const children = Array.from({ length: count }, () =>
      fork(entry, ['--role', 'worker'], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    await Promise.all(children.map((child) => new Promise<void>((resolve, reject) => child.once('spawn', resolve).once('error', reject))));
    return new WorkerPool(children);
  }

  get size(): number {
    return this.children.length;
  }

  get pids(): number[] {
    return this.children.map((child) => child.pid!);
  }

  /** Sends one request to worker `index` and resolves with its answer. */
  call<K extends Kind>(index: number, request: Extract<WorkerRequest, { kind: K }>): Promise<WorkerResults[K]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.children[index]!.send({ id, request } satisfies WorkerMessage);
    });
  }

  /** Sends a request (the same, or one per worker index) to every worker; resolves with their answers in order. */
  all<K extends Kind>(request: Extract<WorkerRequest, { kind: K }> | ((index: number) => Extract<WorkerRequest, { kind: K }>)): Promise<WorkerResults[K][]> {
    return Promise.all(this.children.map((_, i) => this.call<K>(i, typeof request === 'function' ? request(i) : request)));
  }

  /** Ends every worker (each exits when its IPC channel closes). */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.disconnect();
        const hard = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(hard);
      }),
    );
  }
}
