import { describe, expect, it } from 'vitest';
import { endUserSessions } from '../../server/services/sessions/endUserSessions.js';
import { DbSessionStore } from '../../server/services/sessions/sessionStore.js';
import { HttpClient } from '../helpers/httpClient.js';
import { nextDisconnect, sessionIdOf } from '../helpers/sessions.js';
import { useTwoNodes } from '../helpers/twoNodes.js';

// Node A re-validates its sockets often; node B keeps the default (minutes), so a socket on B can only
// be disconnected by what node A broadcasts through Redis.
const { a, b, openSocket } = useTwoNodes({}, { a: { SOCKET_REVALIDATE_MS: '200' } });

describe('a session ended on node A loses its socket on node B (PostgreSQL + Redis)', () => {
  it('a login replacing the browser’s session through node A', async () => {
    const browser = new HttpClient(a().url);
    await browser.login('alice@example.com');
    const onB = openSocket(b(), browser);
    await onB.connect();
    const oldCookie = browser.cookie;
    const gone = nextDisconnect(onB);
    await browser.login('bob@example.com');
    expect(await gone).toBe('io server disconnect');
    await expect(openSocket(b(), Object.assign(new HttpClient(b().url), { cookie: oldCookie })).connect()).rejects.toThrow('unauthorized');
  });

  it('endUserSessions (password set/reset) run on node A', async () => {
    const alice = new HttpClient(a().url);
    const { user } = await alice.login('alice@example.com');
    const onB = openSocket(b(), alice);
    await onB.connect();
    const gone = nextDisconnect(onB);
    await endUserSessions(a().ctx, { userId: user.id });
    expect(await gone).toBe('io server disconnect');
    await expect(openSocket(b(), alice).connect()).rejects.toThrow('unauthorized');
  });

  it('a role change through node A', async () => {
    const admin = new HttpClient(a().url);
    await admin.login('admin@example.com');
    const bob = new HttpClient(a().url);
    const { user } = await bob.login('bob@example.com');
    const onB = openSocket(b(), bob);
    await onB.connect();
    const gone = nextDisconnect(onB);
    expect((await admin.request('PATCH', `/api/admin/users/${user.id}`, { role: 'admin' })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    await admin.request('PATCH', `/api/admin/users/${user.id}`, { role: 'user' });
  });

  it('expired sessions pruned by node A', async () => {
    const alice = new HttpClient(a().url);
    await alice.login('alice@example.com');
    const onB = openSocket(b(), alice);
    await onB.connect();
    const sid = sessionIdOf(alice.cookie);
    const store = new DbSessionStore(a().ctx.db, { onPruned: (sids) => a().ctx.realtime.disconnectSessions(sids) });
    // Expired a moment ago: B's hard stop is still set to the expiry seen at the handshake (30 days).
    await a().ctx.db.session.update({ where: { sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const gone = nextDisconnect(onB);
    await store.prune();
    expect(await gone).toBe('io server disconnect');
    await expect(openSocket(b(), alice).connect()).rejects.toThrow('unauthorized');
  });

  it('re-validation on node A catches a session row deleted directly in the database', async () => {
    const alice = new HttpClient(b().url);
    await alice.login('alice@example.com');
    const onA = openSocket(a(), alice);
    await onA.connect();
    const gone = nextDisconnect(onA);
    // No node is told: only node A's periodic re-validation can notice.
    await b().ctx.db.$executeRawUnsafe('DELETE FROM "Session" WHERE sid = $1', sessionIdOf(alice.cookie));
    expect(await gone).toBe('io server disconnect');
    await expect(openSocket(a(), alice).connect()).rejects.toThrow('unauthorized');
  });
});
