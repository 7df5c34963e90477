import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { captureLogs } from '../helpers/logCapture.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Every way a Socket.IO client can reach the server (issue 8, item 1): engine.io alone must answer
// /socket.io/; when Express answered it too, the second polling request crashed the process.

const logs = captureLogs('warn');
let server: TestServer;
let alice: HttpClient;
const sockets: InboxSocket[] = [];

beforeAll(async () => {
  server = await getTestServer({}, { log: logs.log });
  alice = new HttpClient(server.url);
  await alice.login('alice@example.com');
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  // The server is still up and healthy after every case, and logged nothing alarming.
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  expect(logs.entries.filter((e) => e.level >= 40)).toEqual([]);
});
afterAll(() => server.stop());

/** Opens alice's socket with `transports`, connects, and proves a live notification arrives over it. */
async function connectAndReceive(transports: ('polling' | 'websocket')[], title: string) {
  const socket = new InboxSocket(server.url, alice.cookie, { transports });
  sockets.push(socket);
  await socket.connect();
  const sent = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title });
  expect(sent.status).toBe(202);
  await waitFor(() => socket.received.some((n) => n.title === title), 5000, `${title} to arrive`);
  return socket;
}

/** A raw engine.io polling request (what a browser's XHR sends). */
async function poll(query: string, init: RequestInit = {}) {
  const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling${query}`, init);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('Socket.IO transports', () => {
  it('long-polling only: connects, receives live notifications and keeps polling', async () => {
    const socket = await connectAndReceive(['polling'], 'Over polling');
    expect(socket.socket.io.engine.transport.name).toBe('polling');
    // Several poll cycles have run by now (handshake, connect, replay, the event): a second one is enough
    // to have crashed the old server.
    await connectAndReceive(['polling'], 'Over polling again');
  });

  it('WebSocket only', async () => {
    const socket = await connectAndReceive(['websocket'], 'Over WebSocket');
    expect(socket.socket.io.engine.transport.name).toBe('websocket');
  });

  it('polling upgraded to WebSocket (the default client setting)', async () => {
    const socket = new InboxSocket(server.url, alice.cookie, { transports: ['polling', 'websocket'], upgrade: true });
    sockets.push(socket);
    const upgraded = new Promise<string>((resolve) => socket.socket.io.on('open', () => socket.socket.io.engine.once('upgrade', (t) => resolve(t.name))));
    await socket.connect();
    expect(await upgraded).toBe('websocket');
    await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'After upgrade' });
    await waitFor(() => socket.received.some((n) => n.title === 'After upgrade'), 5000, 'the notification after the upgrade');
  });

  it('raw polling requests: handshake, POST and GET with the sid, a bogus sid — each answered once, by engine.io', async () => {
    const handshake = await poll('');
    expect(handshake.status).toBe(200);
    expect(handshake.text).toMatch(/^0\{"sid":/);
    const { sid } = JSON.parse(handshake.text.slice(1)) as { sid: string };

    // Connect to the main namespace without a session: the server answers with a connect_error packet.
    const post = await poll(`&sid=${sid}`, { method: 'POST', body: '40', headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    expect(post).toMatchObject({ status: 200, text: 'ok' });
    const get = await poll(`&sid=${sid}`);
    expect(get.status).toBe(200);
    expect(get.text).toBe('44{"message":"unauthorized"}');
    expect(get.type).not.toMatch(/html/);

    const bogus = await poll('&sid=not-a-session');
    expect(bogus.status).toBe(400);
    expect(JSON.parse(bogus.text)).toMatchObject({ code: 1, message: 'Session ID unknown' });

    const badTransport = await fetch(`${server.url}/socket.io/?EIO=4&transport=carrier-pigeon`);
    expect(badTransport.status).toBe(400);
  });

  it('an invalid Socket.IO packet from a signed-in client closes that connection only', async () => {
    const socket = await connectAndReceive(['websocket'], 'Before the junk');
    const closed = new Promise<string>((resolve) => socket.socket.on('disconnect', (reason) => resolve(reason)));
    socket.socket.io.engine.send('2["notification.created",'); // an EVENT packet whose JSON never ends
    expect(await closed).toBe('transport close');
    await connectAndReceive(['websocket'], 'Other sockets still work');
  });
});
