/**
 * Figures 4–7 of issue 9: broadcasts to everyone, start to healthy, the reconnect storm after a restart,
 * and the server's memory per idle socket (with a soak).
 */
import { epochMs } from './benchSocket.js';
import { httpRequest, keepAliveAgent } from './httpRequest.js';
import { rssKibOf } from './procStats.js';
import { formatCount, formatMs } from './stats.js';
import { coresLine, cpuWindow, disconnects, say, settleSockets, waitDelivered, type Suite } from './suite.js';

/** Handshakes in flight per generator worker while the sockets are opened. */
const CONNECT_CONCURRENCY = 32;
/** The longest the bench waits for a broadcast or a reconnect storm to reach every socket. */
const SOCKET_WAIT_MS = 180_000;
/** Selectors per send of the storm's notifications (the API's limit). */
const RECIPIENTS_PER_SEND = 1000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Connects one socket per socket user, spread over the workers. With `measureMemory` (figure 7, on a
 * fresh server): the server's RSS before and after, per socket, and sampled over the soak.
 */
export async function openSockets(suite: Suite, measureMemory: boolean): Promise<void> {
  const { pool, socketUsers, metrics, options } = suite;
  let rssBefore = Number.NaN;
  if (measureMemory) {
    await sleep(2000); // let start-up garbage be collected and the heap settle before the "0 sockets" reading
    rssBefore = rssKibOf(suite.server.pid);
  }
  const t0 = epochMs();
  const cpu = cpuWindow(suite);
  const results = await pool.all((i) => ({
    kind: 'open',
    url: suite.server.url,
    users: socketUsers.filter((_, k) => k % pool.size === i),
    trackSeqs: suite.trackSeqs,
    connectConcurrency: CONNECT_CONCURRENCY,
    deadlineMs: 300_000,
  }));
  const ms = epochMs() - t0;
  const window = cpu.stop();
  const opened = results.reduce((n, r) => n + r.opened, 0);
  const firstError = results.find((r) => r.firstError)?.firstError;
  say(`${formatCount(opened)} of ${formatCount(socketUsers.length)} sockets connected and synced in ${formatMs(ms)} (${formatCount((opened / ms) * 1000)} handshakes/s)${firstError ? `; first refusal: ${firstError}` : ''}`);
  say(`  ${coresLine(window)}`);
  if (!measureMemory) return;
  await sleep(3000);
  const rssAfter = rssKibOf(suite.server.pid);
  const perSocket = (rssAfter - rssBefore) / opened;
  metrics.set('memory.perSocket', perSocket);
  say(`server RSS ${formatCount(rssBefore / 1024, 1)} MiB with 0 sockets → ${formatCount(rssAfter / 1024, 1)} MiB with ${formatCount(opened)}: ${formatCount(perSocket, 1)} KiB per socket`);

  const samples: number[] = [];
  const every = Math.max(1000, (options.soakS * 1000) / 20);
  const soakEnd = Date.now() + options.soakS * 1000;
  while (Date.now() < soakEnd) {
    await sleep(Math.min(every, Math.max(0, soakEnd - Date.now())));
    samples.push(rssKibOf(suite.server.pid));
  }
  const last = samples.at(-1) ?? rssAfter;
  const drift = (last - rssAfter) / opened;
  metrics.set('memory.drift', drift);
  say(`soak ${options.soakS} s idle: RSS ${formatCount(rssAfter / 1024, 1)} → ${formatCount(last / 1024, 1)} MiB (max ${formatCount(Math.max(rssAfter, ...samples) / 1024, 1)}): ${drift >= 0 ? '+' : ''}${formatCount(drift, 1)} KiB per socket`);
}

/**
 * Figure 4: `to: [{ all: true }]`; the time to the 202 and until the last socket has it, and how many
 * sockets the server dropped meanwhile. `big` (after growUsers) also checks the counts are exact.
 */
export async function broadcast(suite: Suite, key: 'small' | 'big', users: number): Promise<void> {
  const { metrics } = suite;
  await settleSockets(suite);
  await suite.pool.all({ kind: 'resetCounters' });
  const tag = `broadcast-${key}`;
  const agent = keepAliveAgent(1);
  const cpu = cpuWindow(suite);
  const t0 = epochMs();
  const answer = await httpRequest(
    agent,
    suite.server.url,
    'POST',
    '/api/v1/notifications',
    { authorization: `Bearer ${suite.apiKey}` },
    JSON.stringify({ to: [{ all: true }], title: `bench broadcast to ${users}`, body: '', data: { tag, t: t0 } }),
    AbortSignal.timeout(SOCKET_WAIT_MS),
  );
  const to202 = epochMs() - t0;
  agent.destroy();
  if (answer.status !== 202) {
    cpu.stop();
    metrics.set(`broadcast.${key}.to202`, `HTTP ${answer.status}`);
    say(`broadcast to ${formatCount(users)} users answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return;
  }
  const sent = JSON.parse(answer.body) as { sendId: string; recipientCount: number };
  const arrived = await waitDelivered(suite, tag, suite.socketUsers.length, SOCKET_WAIT_MS);
  const window = cpu.stop();
  const toLast = arrived.count >= suite.socketUsers.length ? arrived.lastAt - t0 : Number.NaN;
  // A stalled server closes the sockets whose pongs it missed as soon as its timers run again, which can be
  // just after the last delivery: a short look beyond it counts those drops too.
  await sleep(2000);
  const dropped = await disconnects(suite);
  metrics.set(`broadcast.${key}.to202`, to202);
  metrics.set(`broadcast.${key}.toLast`, Number.isNaN(toLast) ? `${arrived.count} of ${suite.socketUsers.length} in ${SOCKET_WAIT_MS / 1000} s` : toLast);
  metrics.set(`broadcast.${key}.dropped`, dropped.total);
  say(
    `broadcast to ${formatCount(sent.recipientCount)} users, ${formatCount(suite.socketUsers.length)} sockets: 202 after ${formatMs(to202)}, ` +
      `last socket after ${Number.isNaN(toLast) ? `– (${arrived.count} reached)` : formatMs(toLast)}; ${dropped.total} sockets dropped${dropped.total ? ` (${dropped.reasons})` : ''}`,
  );
  say(`  ${coresLine(window)}`);
  if (key === 'big') await checkCounts(suite, sent, users);
}

/**
 * Exact counts after the big broadcast (FlashNotify): the send's rows in the database, and for a sample of
 * users the unread count the inbox API answers (a socket user's is its watermark: every notification is
 * unread; a user added for the broadcast has exactly 1).
 */
async function checkCounts(suite: Suite, sent: { sendId: string; recipientCount: number }, users: number): Promise<void> {
  if (!suite.countSendRows) return;
  const rows = await suite.countSendRows(sent.sendId);
  const watermarks = Object.assign({}, ...(await suite.pool.all({ kind: 'watermarks' }))) as Record<string, number>;
  const sample = [
    ...suite.socketUsers.filter((_, i) => i % Math.max(1, Math.floor(suite.socketUsers.length / 20)) === 0).map((u) => ({ ...u, expected: watermarks[u.userId] })),
    ...suite.sampleUsers.map((u) => ({ ...u, expected: 1 })),
  ];
  const agent = keepAliveAgent(4);
  const wrong: string[] = [];
  for (const user of sample) {
    const answer = await httpRequest(agent, suite.server.url, 'GET', '/api/notifications/counts', { cookie: user.cookie });
    const unread = answer.status === 200 ? (JSON.parse(answer.body) as { unread: number }).unread : `HTTP ${answer.status}`;
    if (unread !== user.expected) wrong.push(`${user.userId}: unread ${unread}, expected ${user.expected}`);
  }
  agent.destroy();
  const exact = rows === users && sent.recipientCount === users && wrong.length === 0;
  suite.metrics.set('broadcast.big.exact', exact ? `exact (${formatCount(rows)} rows; ${sample.length} users sampled)` : `NOT exact: ${formatCount(rows)} rows, ${wrong.length} wrong`);
  say(`counts: ${formatCount(rows)} notification rows for ${formatCount(users)} users (202 said ${formatCount(sent.recipientCount)}); ${sample.length - wrong.length} of ${sample.length} sampled unread counts exact${wrong.length ? `: ${wrong.slice(0, 3).join('; ')}` : ''}`);
}

/**
 * Figures 5 and 6: SIGTERM → new process → `/api/health` 200, with the sockets connected; with `storm`,
 * one notification per socket user is posted as soon as the new process is healthy, and the figure is the
 * time from SIGTERM until every socket reconnected, synced, and holds every seq (gap-free).
 */
export async function restartAndStorm(suite: Suite, storm: boolean): Promise<void> {
  const { metrics, pool } = suite;
  await settleSockets(suite);
  await pool.all({ kind: 'resetCounters' });
  if (storm) await pool.all({ kind: 'markStorm', increment: suite.trackSeqs ? 1 : 0 });
  const t0 = epochMs();
  const times = await suite.server.restart();
  metrics.set('restart.start', times.startMs);
  metrics.set('restart.total', times.totalMs);
  say(`SIGTERM → exited ${formatMs(times.shutdownMs)}; new process → healthy ${formatMs(times.startMs)}; SIGTERM → healthy ${formatMs(times.totalMs)}`);
  if (!storm) {
    await settleSockets(suite);
    return;
  }
  const healthyAt = epochMs();
  const cpu = cpuWindow(suite);
  await postOnePerSocketUser(suite);
  const postedAt = epochMs();
  const deadline = Date.now() + SOCKET_WAIT_MS;
  let statuses = await pool.all({ kind: 'stormStatus' });
  const synced = () => statuses.reduce((n, s) => n + s.synced, 0);
  while (synced() < suite.socketUsers.length && Date.now() < deadline) {
    await sleep(100);
    statuses = await pool.all({ kind: 'stormStatus' });
  }
  const window = cpu.stop();
  const counters = await pool.all({ kind: 'counters' });
  const lastSyncedAt = Math.max(...statuses.map((s) => s.lastSyncedAt));
  const missing = statuses.reduce((n, s) => n + s.missing, 0) + counters.reduce((n, c) => n + c.lost, 0);
  const duplicates = counters.reduce((n, c) => n + c.duplicates, 0);
  const resets = counters.reduce((n, c) => n + c.resets, 0);
  const all = synced() >= suite.socketUsers.length;
  metrics.set('storm.synced', all ? lastSyncedAt - t0 : `${synced()} of ${suite.socketUsers.length} in ${SOCKET_WAIT_MS / 1000} s`);
  if (suite.trackSeqs) {
    metrics.set('storm.lost', missing);
    metrics.set('storm.duplicates', duplicates);
  }
  say(
    `reconnect storm: ${formatCount(synced())} of ${formatCount(suite.socketUsers.length)} sockets synced ${all ? `${formatMs(lastSyncedAt - t0)} after SIGTERM (${formatMs(lastSyncedAt - healthyAt)} after healthy)` : 'before the deadline'}; ` +
      `storm notifications answered ${formatMs(postedAt - healthyAt)} after healthy`,
  );
  const attempts = counters.reduce((n, c) => n + c.connectAttempts, 0);
  const refusals = new Map<string, number>();
  for (const c of counters) for (const [message, n] of Object.entries(c.connectErrors)) refusals.set(message, (refusals.get(message) ?? 0) + n);
  say(
    `  ${formatCount(attempts)} connection attempts since SIGTERM; failed: ${
      [...refusals].map(([message, n]) => `${formatCount(n)} ${message}`).join(', ') || 'none'
    }`,
  );
  if (suite.trackSeqs) say(`  ${missing} lost, ${duplicates} duplicate deliveries (the client drops them by id), ${resets} sync.reset`);
  say(`  from healthy until synced: ${coresLine(window)}`);
}

/** One notification to each socket user (sends of 1,000 recipients), each retried until accepted. */
async function postOnePerSocketUser(suite: Suite): Promise<void> {
  const agent = keepAliveAgent(2);
  const ids = suite.socketUsers.map((u) => u.userId);
  const sends = Array.from({ length: Math.ceil(ids.length / RECIPIENTS_PER_SEND) }, (_, i) => ids.slice(i * RECIPIENTS_PER_SEND, (i + 1) * RECIPIENTS_PER_SEND));
  let next = 0;
  const deadline = Date.now() + SOCKET_WAIT_MS;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < sends.length) {
        const to = sends[next++]!.map((userId) => ({ userId }));
        const body = JSON.stringify({ to, title: 'bench storm', body: '', data: { tag: 'storm', t: epochMs() } });
        for (;;) {
          const answer = await httpRequest(agent, suite.server.url, 'POST', '/api/v1/notifications', { authorization: `Bearer ${suite.apiKey}` }, body).catch((err: unknown) => ({ status: 0, body: String(err) }));
          if (answer.status === 202) break;
          if (Date.now() > deadline) throw new Error(`storm notifications not accepted: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
          await sleep(200);
        }
      }
    }),
  );
  agent.destroy();
}
