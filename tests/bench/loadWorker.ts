/**
 * A load generator process (`--role worker`): holds its share of the sockets and runs the posting jobs
 * the bench sends over IPC (protocol.ts). Several of them run at once, so neither the sockets nor the
 * posters share one event loop and the generator is not what limits the figures.
 */
import pLimit from 'p-limit';
import { BenchSocket, epochMs, SocketTally } from './benchSocket.js';
import { bulk, closedLoop, openLoop } from './posters.js';
import type { StormStatus, WorkerMessage, WorkerReply, WorkerRequest, WorkerResults } from './protocol.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Serves requests from the parent until it disconnects. */
export function runLoadWorker(): void {
  const tally = new SocketTally();
  let sockets: BenchSocket[] = [];

  const open = async (request: Extract<WorkerRequest, { kind: 'open' }>): Promise<WorkerResults['open']> => {
    for (const socket of sockets) socket.close();
    tally.reset(); // a new set of sockets (the next suite): its counts start from zero
    sockets = request.users.map((user) => new BenchSocket(request.url, user, tally, request.trackSeqs));
    const limit = pLimit(request.connectConcurrency);
    const deadline = sleep(request.deadlineMs);
    await Promise.race([Promise.all(sockets.map((socket) => limit(() => Promise.race([socket.open(), deadline])))), deadline]);
    limit.clearQueue();
    const opened = sockets.filter((s) => s.syncedAt > 0).length;
    return { opened, failed: sockets.length - opened, firstError: sockets.find((s) => s.firstError)?.firstError };
  };

  /** Waits until every socket is connected and synced since its last connect (after drops and reconnects). */
  const settle = async (deadlineMs: number): Promise<number> => {
    const deadline = Date.now() + deadlineMs;
    const ready = () => sockets.filter((s) => s.ready).length;
    while (ready() < sockets.length && Date.now() < deadline) await sleep(50);
    return ready();
  };

  const stormStatus = (): StormStatus => {
    const done = sockets.filter((s) => s.storm && s.storm.doneAt > 0);
    return {
      synced: done.length,
      total: sockets.length,
      lastSyncedAt: Math.max(0, ...done.map((s) => s.storm!.doneAt)),
      missing: sockets.reduce((sum, s) => sum + s.missing(), 0),
    };
  };

  const handle = async (request: WorkerRequest): Promise<unknown> => {
    switch (request.kind) {
      case 'open':
        return open(request);
      case 'settle':
        return settle(request.deadlineMs);
      case 'close':
        for (const socket of sockets) socket.close();
        sockets = [];
        return null;
      case 'counters':
        return tally.counters(sockets);
      case 'resetCounters':
        tally.reset();
        return null;
      case 'latencies': {
        const entry = tally.byTag.get(request.tag);
        const latencies = Float64Array.from(entry?.latencies ?? []);
        if (entry) entry.latencies = [];
        return latencies;
      }
      case 'watermarks':
        return Object.fromEntries(sockets.filter((s) => s.watermark !== undefined).map((s) => [s.user.userId, s.watermark]));
      case 'markStorm': {
        const since = epochMs();
        for (const socket of sockets) socket.markStorm(since, request.increment);
        return null;
      }
      case 'stormStatus':
        return stormStatus();
      case 'closedLoop':
        return closedLoop(request);
      case 'openLoop':
        return openLoop(request);
      case 'bulk':
        return bulk(request);
    }
  };

  process.on('message', (message: WorkerMessage) => {
    handle(message.request).then(
      (result) => process.send!({ id: message.id, result } satisfies WorkerReply),
      (err: unknown) => process.send!({ id: message.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerReply),
    );
  });
  // The bench is gone (finished, or killed): nothing left to serve.
  process.on('disconnect', () => process.exit(0));
}
