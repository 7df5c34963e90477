import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endUserSessions } from '../../server/services/sessions/endUserSessions.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

describe('endUserSessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await getTestServer();
  });
  afterAll(() => server.stop());

  it("ends all of one user's sessions and sockets but the one kept, and nobody else's", async () => {
    const [kept, ended, other] = [new HttpClient(server.url), new HttpClient(server.url), new HttpClient(server.url)];
    const alice = await kept.login('alice@example.com');
    await ended.login('alice@example.com');
    await other.login('bob@example.com');
    const sockets = [new InboxSocket(server.url, kept.cookie), new InboxSocket(server.url, ended.cookie), new InboxSocket(server.url, other.cookie)];
    await Promise.all(sockets.map((s) => s.connect()));
    const [keptSocket, endedSocket, otherSocket] = sockets as [InboxSocket, InboxSocket, InboxSocket];
    const keptSid = decodeURIComponent(kept.cookie!.split('=')[1]!).slice(2).split('.')[0]!;

    const count = await endUserSessions(server.ctx, { userId: alice.user.id, exceptSessionId: keptSid });

    expect(count).toBe(1);
    await waitFor(() => !endedSocket.socket.connected, 5000, 'the ended session to lose its socket');
    expect((await ended.get('/api/auth/session')).status).toBe(401);
    expect((await kept.get('/api/auth/session')).status).toBe(200);
    expect((await other.get('/api/auth/session')).status).toBe(200);
    expect(keptSocket.socket.connected).toBe(true);
    expect(otherSocket.socket.connected).toBe(true);
    sockets.forEach((s) => s.disconnect());
  });
});
