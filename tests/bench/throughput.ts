import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { io as connectSocket } from 'socket.io-client';

/** What a closed-loop ingest run achieved. CPU is this process's (server and load generator together). */
export interface IngestResult {
  /** Posts answered 202 and received on the socket, per second of wall time. */
  perSecond: number;
  /** HTTP round trip of each post, in ms. */
  latencies: number[];
  /** (user + system CPU) / notifications, in ms: one process runs both ends, for both systems alike. */
  cpuMsEach: number;
}

/**
 * Sends `total` posts from `concurrency` closed loops (each waits for its answer before the next), then
 * waits until `received()` counts them all. `post(i)` must resolve once the server accepted post `i`.
 *
 * @throws Error when a post is not accepted or the socket does not get everything within 60 s
 */
export async function closedLoopIngest(
  total: number,
  concurrency: number,
  post: (i: number) => Promise<void>,
  received: () => number,
): Promise<IngestResult> {
  const latencies: number[] = [];
  const startReceived = received();
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await post(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const deadline = Date.now() + 60_000;
  while (received() - startReceived < total) {
    if (Date.now() > deadline) throw new Error(`only ${received() - startReceived} of ${total} notifications reached the socket`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const elapsedMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: (total / elapsedMs) * 1000, latencies, cpuMsEach: (cpu.user + cpu.system) / 1000 / total };
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

/**
 * The baseline: a bare HTTP server that parses a JSON post and emits it to a Socket.IO room, no database,
 * no validation — what the machine and the two libraries cost — driven exactly like FlashNotify.
 */
export async function rawSocketIoIngest(total: number, concurrency: number): Promise<IngestResult> {
  const http = createServer();
  const io = new Server(http);
  io.on('connection', (socket) => void socket.join('user:bench'));
  let seq = 0;
  http.on('request', (req, res) => {
    if (req.url?.startsWith('/socket.io/')) return;
    void readBody(req).then((text) => {
      const input = JSON.parse(text) as { title: string };
      io.to('user:bench').emit('notification.created', { id: String(++seq), seq, title: input.title });
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'sent' }));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const socket = connectSocket(url, { transports: ['websocket'] });
  let count = 0;
  socket.on('notification.created', () => void count++);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  // The join runs on the server's connection handler: one round trip makes sure it has.
  await new Promise((resolve) => setTimeout(resolve, 50));
  try {
    return await closedLoopIngest(
      total,
      concurrency,
      async (i) => {
        const res = await fetch(`${url}/n`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: `raw ${i}` }) });
        if (res.status !== 202) throw new Error(`raw post answered ${res.status}`);
        await res.text();
      },
      () => count,
    );
  } finally {
    socket.disconnect();
    await io.close();
  }
}
