import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInvitationToken } from '../../server/services/invitations/invitationToken.js';
import { linkToken, outboxTo } from '../helpers/accounts.js';
import { HttpClient } from '../helpers/httpClient.js';
import { TEST_API_KEY, getTestServer, type TestServer } from '../helpers/testServer.js';

// Issue 10 §1: admins invite people by email (dev outbox in embedded mode), resend or revoke.

const PASSWORD = 'correct horse battery staple';
let server: TestServer;
let admin: HttpClient;

beforeAll(async () => {
  server = await getTestServer({ LOGIN_RATE_LIMIT: '1000' });
  admin = new HttpClient(server.url);
  await admin.login('admin@example.com');
});
afterAll(() => server.stop());

const newEmail = () => `invitee-${randomUUID().slice(0, 8)}@example.com`;
const anonymous = (path: string, body: unknown) => new HttpClient(server.url).request('POST', `/api/auth/${path}`, body);

async function invite(email: string, extra: Record<string, unknown> = {}) {
  const res = await admin.request('POST', '/api/admin/invitations', { email, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** The token of the latest invitation email to `email` in the dev outbox. */
async function latestToken(email: string): Promise<string> {
  const emails = await outboxTo(server, email);
  return linkToken(emails.at(-1)!.text, 'invitation');
}

describe('invitations', () => {
  it('emails a link (dev outbox); the invitee sets a password, signs in with the invited role, and the link is dead', async () => {
    const email = newEmail();
    const invitation = await invite(email.toUpperCase(), { name: 'Ivy Invitee', role: 'admin' });
    expect(invitation).toMatchObject({ email, name: 'Ivy Invitee', role: 'admin', status: 'pending', invitedBy: { name: expect.any(String) } });
    // Seven days, in whole seconds.
    expect(Date.parse(invitation.expiresAt) - Date.now()).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    expect(await server.ctx.db.user.count({ where: { email } })).toBe(0);

    const [mail] = await outboxTo(server, email);
    expect(mail!.subject).toBe('You are invited to FlashNotify');
    expect(mail!.text).toContain(`${server.ctx.publicUrl}/invitation#token=`);
    expect(mail!.html).toContain('Accept the invitation');
    const token = linkToken(mail!.text, 'invitation');

    const checked = await anonymous('invitations/check', { token });
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual({ email, name: 'Ivy Invitee', expiresAt: invitation.expiresAt });

    const accepted = await anonymous('invitations/accept', { token, password: PASSWORD });
    expect(accepted.status).toBe(201);
    const session = await new HttpClient(server.url).login(email, PASSWORD);
    expect(session.user).toMatchObject({ email, name: 'Ivy Invitee', role: 'admin' });

    const reuse = await anonymous('invitations/accept', { token, password: 'another long password' });
    expect(reuse.status).toBe(410);
    expect(reuse.body.error).toMatchObject({ code: 'token_used', details: [{ path: 'token' }] });
    const list = await admin.get('/api/admin/invitations');
    expect(list.body.items.find((i: { id: string }) => i.id === invitation.id)).toMatchObject({ status: 'accepted' });
  });

  it('resend sends a new link and the old one stops working', async () => {
    const email = newEmail();
    const invitation = await invite(email);
    const oldToken = await latestToken(email);
    const resent = await admin.request('POST', `/api/admin/invitations/${invitation.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id: invitation.id, status: 'pending' });
    const newToken = await latestToken(email);
    expect(newToken).not.toBe(oldToken);
    expect(await outboxTo(server, email)).toHaveLength(2);

    const old = await anonymous('invitations/accept', { token: oldToken, password: PASSWORD });
    expect(old.status).toBe(410);
    expect(old.body.error.code).toBe('token_replaced');
    expect((await anonymous('invitations/accept', { token: newToken, password: PASSWORD })).status).toBe(201);
  });

  it('revoke makes the link stop working although the token still verifies; nothing is created', async () => {
    const email = newEmail();
    const invitation = await invite(email);
    const token = await latestToken(email);
    const revoked = await admin.request('DELETE', `/api/admin/invitations/${invitation.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');

    for (const [path, body] of [['invitations/check', { token }], ['invitations/accept', { token, password: PASSWORD }]] as const) {
      const res = await anonymous(path, body);
      expect(res.status).toBe(410);
      expect(res.body.error).toMatchObject({ code: 'invitation_revoked', details: [{ path: 'token' }] });
    }
    expect(await server.ctx.db.user.count({ where: { email } })).toBe(0);
    const resend = await admin.request('POST', `/api/admin/invitations/${invitation.id}/resend`);
    expect(resend.status).toBe(409);
    // A revoked address can be invited again.
    await invite(email);
  });

  it('refuses expired, tampered and foreign links with a 4xx naming the token', async () => {
    const email = newEmail();
    const invitation = await invite(email);
    const token = await latestToken(email);
    const [body, mac] = token.split('.') as [string, string];
    const tampered = await anonymous('invitations/check', { token: `${body}.${mac.slice(0, -2)}AA` });
    expect(tampered.status).toBe(400);
    expect(tampered.body.error).toMatchObject({ code: 'invalid_token', details: [{ path: 'token' }] });

    const row = await server.ctx.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    const expired = signInvitationToken(server.ctx.signingSecret, { invitationId: row.id, tokenId: row.tokenId, expiresAt: new Date(Date.now() - 1000) });
    const res = await anonymous('invitations/accept', { token: expired, password: PASSWORD });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('token_expired');
    // An expired invitation is listed as such and can be resent.
    await server.ctx.db.invitation.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await admin.get('/api/admin/invitations')).body.items.find((i: { id: string }) => i.id === row.id).status).toBe('expired');
    expect((await admin.request('POST', `/api/admin/invitations/${row.id}/resend`)).body.status).toBe('pending');
  });

  it('names the field of every bad input, and refuses addresses that have an account or a pending invitation', async () => {
    const bad = await admin.request('POST', '/api/admin/invitations', { email: 'not-an-email', role: 'owner', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'extra', 'role']);

    const taken = await admin.request('POST', '/api/admin/invitations', { email: 'alice@example.com' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'account_exists', details: [{ path: 'email' }] });

    const email = newEmail();
    await invite(email);
    const again = await admin.request('POST', '/api/admin/invitations', { email });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'invitation_pending', details: [{ path: 'email' }] });

    const weak = await anonymous('invitations/accept', { token: await latestToken(email), password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details).toEqual([{ path: 'password', message: expect.stringMatching(/at least 12/) }]);
    expect((await admin.request('POST', '/api/admin/invitations/nope_id/resend')).status).toBe(404);
  });

  it('is for admins only, with a CSRF token', async () => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    expect((await alice.request('POST', '/api/admin/invitations', { email: newEmail() })).status).toBe(403);
    expect((await alice.get('/api/admin/invitations')).status).toBe(403);
    const noCsrf = await admin.request('POST', '/api/admin/invitations', { email: newEmail() }, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf_invalid');
  });

  it('gives a password to a user a service registered without one (and keeps their id)', async () => {
    const email = newEmail();
    const put = await fetch(`${server.url}/api/v1/users/ext-${randomUUID().slice(0, 8)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email, name: 'Service User' }),
    });
    expect(put.status).toBe(201);
    const { id } = (await put.json()) as { id: string };
    await invite(email);
    expect((await anonymous('invitations/accept', { token: await latestToken(email), password: PASSWORD })).status).toBe(201);
    expect((await new HttpClient(server.url).login(email, PASSWORD)).user.id).toBe(id);
  });

  it('keeps the email of an account a service registered: its key cannot move where password resets go', async () => {
    const externalId = `ext-${randomUUID().slice(0, 8)}`;
    const email = newEmail();
    const putUser = (body: Record<string, unknown>) =>
      fetch(`${server.url}/api/v1/users/${externalId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await putUser({ email, name: 'Staff' })).status).toBe(201);
    await invite(email, { role: 'admin' });
    expect((await anonymous('invitations/accept', { token: await latestToken(email), password: PASSWORD })).status).toBe(201);

    // The key holder points the admin account at a mailbox it reads, then asks for a reset link there.
    const attacker = newEmail();
    const moved = await putUser({ email: attacker, name: 'Staff' });
    expect(moved.status).toBe(409);
    expect(((await moved.json()) as { error: { code: string } }).error.code).toBe('account_email_locked');
    expect((await anonymous('password-reset', { email: attacker })).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await outboxTo(server, attacker)).toHaveLength(0);
    expect((await server.ctx.db.user.findUniqueOrThrow({ where: { externalId } })).email).toBe(email);

    // Everything else stays the service's to update, the same email included.
    const renamed = await putUser({ email: email.toUpperCase(), name: 'Staff Renamed' });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ email, name: 'Staff Renamed' });
  });
  it('keeps an invited email from a service while the invitation is pending: the key cannot decide whose account the invitee gets', async () => {
    const email = newEmail();
    const putUser = (externalId: string, body: Record<string, unknown>) =>
      fetch(`${server.url}/api/v1/users/${externalId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await invite(email, { role: 'admin', name: 'New Admin' });
    // Neither a new user with that email nor an existing one moved onto it.
    const squat = await putUser(`squat-${randomUUID().slice(0, 8)}`, { email: email.toUpperCase(), name: 'Squatter' });
    expect(squat.status).toBe(409);
    const squatBody = (await squat.json()) as { error: { code: string; details: { path: string }[] } };
    expect(squatBody.error.code).toBe('invitation_pending');
    expect(squatBody.error.details.map((d) => d.path)).toEqual(['email']);
    const existing = `ext-${randomUUID().slice(0, 8)}`;
    expect((await putUser(existing, { email: newEmail(), name: 'Someone' })).status).toBe(201);
    expect((await putUser(existing, { email, name: 'Someone' })).status).toBe(409);

    expect((await anonymous('invitations/accept', { token: await latestToken(email), password: PASSWORD })).status).toBe(201);
    const account = await server.ctx.db.user.findUniqueOrThrow({ where: { email } });
    expect(account).toMatchObject({ name: 'New Admin', role: 'admin', externalId: null });
  });
});
