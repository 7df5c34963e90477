import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/schemas/notification.js';
import { sendNotification } from '../helpers/apiSender.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;

beforeAll(async () => {
  server = await getTestServer();
});
afterAll(() => server.stop());

describe('fan-out', () => {
  it('creates one notification per recipient at the maximum batch size, deduplicated', async () => {
    const emails = Array.from({ length: LIMITS.recipientsMax }, (_, i) => `fan${i}@example.com`);
    await server.ctx.db.user.createMany({ data: emails.map((email) => ({ email, name: email })) });
    const to = emails.map((email) => ({ email }));
    to[1] = { email: emails[0]!.toUpperCase() }; // the same person twice, differently cased

    const res = await sendNotification(server.url, { to, title: 'Maintenance tonight' });
    expect(res.status).toBe(202);
    expect(res.body.recipientCount).toBe(LIMITS.recipientsMax - 1);

    const rows = await server.ctx.db.notification.groupBy({ by: ['userId'], _count: { _all: true }, _max: { seq: true } });
    expect(rows).toHaveLength(LIMITS.recipientsMax - 1);
    expect(rows.every((r) => r._count._all === 1 && r._max.seq === 1)).toBe(true);
    const sample = await server.ctx.db.user.findUniqueOrThrow({ where: { email: emails[999]! } });
    expect(sample).toMatchObject({ inboxSeq: 1, stateVersion: 1 });
  });
});
