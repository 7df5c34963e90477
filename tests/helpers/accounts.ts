import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../server/services/auth/passwords.js';
import type { TestServer } from './testServer.js';

/** A user who can sign in with `password` (a unique email each call). */
export async function buildAccount(server: TestServer, password: string, role: 'admin' | 'user' = 'user') {
  const email = `person-${randomUUID().slice(0, 8)}@example.com`;
  return server.ctx.db.user.create({ data: { email, name: 'Test Person', role, passwordHash: await hashPassword(password) } });
}

/** The token of the first `…#token=<token>` link in a text (an email body). */
export function linkToken(text: string, page: 'set-password' | 'invitation'): string {
  const match = new RegExp(`/${page}#token=([\\w-]+\\.[\\w-]+)`).exec(text);
  if (!match) throw new Error(`no /${page} link in: ${text.slice(0, 400)}`);
  return match[1]!;
}

/** The dev outbox's emails to one address, oldest first. */
export function outboxTo(server: TestServer, address: string) {
  return server.ctx.db.outboxMessage.findMany({ where: { channel: 'email', to: address }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}
