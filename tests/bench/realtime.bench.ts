/**
 * `npm run bench`: how fast a notification goes from POST to the recipient's socket, how long a
 * reconnect replay takes, and how fast a send fans out, on a fresh embedded (SQLite) server.
 * Baselines measured in the same run: a bare HTTP round trip (GET /api/health) and a bare socket
 * round trip on the same server, so the app's own cost stands out from the machine's.
 * Bounded in count and time; talks to 127.0.0.1 only.
 */
import { performance } from 'node:perf_hooks';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer } from '../helpers/testServer.js';
import { closedLoopIngest, rawSocketIoIngest, type IngestResult } from './throughput.js';

const ROUNDS = 200;
/** Closed-loop ingest: single-recipient posts, this many in flight, this many in all (issue 9's figure). */
const INGEST_CONCURRENCY = 32;
const INGEST_TOTAL = 2000;

function summarize(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
  console.log(`${label.padEnd(42)} n=${String(samples.length).padEnd(5)} p50=${pick(0.5)} ms  p95=${pick(0.95)} ms  p99=${pick(0.99)} ms`);
}

function ingestLine(label: string, result: IngestResult): void {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]!;
  console.log(
    `${label.padEnd(42)} ${result.perSecond.toFixed(0).padStart(6)}/s  HTTP p99=${p99.toFixed(1)} ms  CPU ${result.cpuMsEach.toFixed(2)} ms/notification`,
  );
}

const raw = await rawSocketIoIngest(INGEST_TOTAL, INGEST_CONCURRENCY);
const server = await getTestServer({ API_RATE_LIMIT: '1000000' });
try {
  const alice = new HttpClient(server.url);
  await alice.login('alice@example.com');
  const socket = new InboxSocket(server.url, alice.cookie);
  await socket.connect();

  const health: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await fetch(`${server.url}/api/health`).then((r) => r.text());
    health.push(performance.now() - t);
  }
  summarize('baseline: GET /api/health round trip', health);

  const postToSocket: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const before = socket.received.length;
    const t = performance.now();
    await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: `bench ${i}` });
    await waitFor(() => socket.received.length > before, 5000);
    postToSocket.push(performance.now() - t);
  }
  summarize('POST /api/v1/notifications → socket event', postToSocket);

  console.log(`\nclosed-loop ingest, ${INGEST_TOTAL} single-recipient posts, ${INGEST_CONCURRENCY} in flight (CPU: server + load generator, one process):`);
  ingestLine('baseline: raw HTTP + Socket.IO, no database', raw);
  const ingest = await closedLoopIngest(
    INGEST_TOTAL,
    INGEST_CONCURRENCY,
    async (i) => {
      const res = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: `ingest ${i}` });
      if (res.status !== 202) throw new Error(`ingest post answered ${res.status}: ${JSON.stringify(res.body)}`);
    },
    () => socket.received.length,
  );
  ingestLine('FlashNotify: POST /api/v1/notifications', ingest);
  console.log(`CPU per notification: ${(ingest.cpuMsEach / raw.cpuMsEach).toFixed(1)}× the baseline's\n`);

  socket.disconnect();
  for (let i = 0; i < 50; i++) {
    await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: `missed ${i}` });
  }
  const replay: number[] = [];
  const t = performance.now();
  await socket.connect();
  replay.push(performance.now() - t);
  console.log(`reconnect + replay of ${socket.syncs.at(-1)!.replayed} missed notifications: ${replay[0]!.toFixed(1)} ms`);

  const { hashPassword } = await import('../../server/services/auth/passwords.js');
  const passwordHash = await hashPassword('bench');
  const emails = Array.from({ length: 1000 }, (_, i) => `bench${i}@example.com`);
  await server.ctx.db.user.createMany({ data: emails.map((email) => ({ email, name: email, passwordHash })) });
  const fanoutStart = performance.now();
  const fanout = await sendNotification(server.url, { to: emails.map((email) => ({ email })), title: 'fan-out' });
  const fanoutMs = performance.now() - fanoutStart;
  if (fanout.status !== 202) throw new Error(`fan-out failed: ${fanout.status} ${JSON.stringify(fanout.body)}`);
  console.log(`fan-out to ${fanout.body.recipientCount} recipients in one request: ${fanoutMs.toFixed(1)} ms (${Math.round((fanout.body.recipientCount / fanoutMs) * 1000)} notifications/s)`);
  socket.disconnect();
} finally {
  await server.stop();
}
