import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SQLite: a transaction is isolated from the rest of the process (one shared connection)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await getTestServer();
  });
  afterAll(() => server.stop());

  it("keeps another request's write when a transaction running meanwhile rolls back, and hides its uncommitted rows", async () => {
    const { db } = server.ctx;
    const alice = await db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
    const bob = await db.user.findUniqueOrThrow({ where: { email: 'bob@example.com' } });
    let inTransaction!: () => void;
    const started = new Promise<void>((resolve) => (inTransaction = resolve));

    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: alice.id }, data: { name: 'Uncommitted' } });
        inTransaction();
        await tick(100); // awaiting, as a send does between its statements
        throw new Error('roll back');
      })
      .catch((err: Error) => err.message);

    await started;
    // What another request does meanwhile, outside any transaction.
    const [seenName] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { id: alice.id } }).then((u) => u.name),
      db.user.update({ where: { id: bob.id }, data: { name: 'Bob (renamed meanwhile)' } }),
    ]);

    expect(await rolledBack).toBe('roll back');
    expect(seenName).toBe(alice.name); // never the uncommitted name
    expect((await db.user.findUniqueOrThrow({ where: { id: bob.id } })).name).toBe('Bob (renamed meanwhile)');
    expect((await db.user.findUniqueOrThrow({ where: { id: alice.id } })).name).toBe(alice.name);
  });
});
