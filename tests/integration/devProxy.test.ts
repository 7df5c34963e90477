import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// `npm run dev`: the page comes from Vite (:5173) and Vite proxies /api and /socket.io to the server. The
// Origin checks must let that page through without a development exception. This runs the project's own
// vite.config.ts, with only the proxy target pointed at the test server.

let server: TestServer;
let vite: ViteDevServer;
let devOrigin: string;
const sockets: InboxSocket[] = [];

beforeAll(async () => {
  server = await getTestServer();
  vite = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    server: {
      host: '127.0.0.1',
      port: 0,
      hmr: false,
      proxy: { '/api': { target: server.url }, '/socket.io': { target: server.url, ws: true } },
    },
  });
  await vite.listen();
  devOrigin = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`;
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await vite.close();
  await server.stop();
});

describe('the Vite dev server in front of the API', () => {
  it('signs in, changes state and opens the socket from the dev page origin', async () => {
    const page = new HttpClient(devOrigin);
    const login = await page.request('POST', '/api/auth/login', { email: 'alice@example.com', password: 'flashnotify' }, { headers: { origin: devOrigin } });
    expect(login.status).toBe(200);
    page.csrfToken = login.body.csrfToken;
    expect((await page.request('POST', '/api/notifications/seen-all', {}, { headers: { origin: devOrigin } })).status).toBe(200);

    const socket = new InboxSocket(devOrigin, page.cookie, { extraHeaders: { origin: devOrigin } });
    sockets.push(socket);
    await socket.connect();
    await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'Through Vite' });
    await waitFor(() => socket.received.some((n) => n.title === 'Through Vite'), 5000, 'the notification through the dev proxy');
  });

  it('still refuses another origin through the dev proxy', async () => {
    const page = new HttpClient(devOrigin);
    const login = await page.request('POST', '/api/auth/login', { email: 'alice@example.com', password: 'flashnotify' }, { headers: { origin: 'http://evil.localhost:1234' } });
    expect(login.status).toBe(403);
  });
});
