import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SqlRunner } from '../../server/db/rawDatabase.js';
import { countInboxRows } from '../../server/services/notifications/inboxStatements.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await getTestServer();
});
afterAll(() => server.stop());

// Every fan-out counts the inboxes it changed, and every reconnect counts one: the count must be answered
// from an index alone. Reading each row from the table instead was 8× slower on 10,000 inboxes of 30.
it('counts inboxes from a covering index, without reading the notification rows', async () => {
  const statements: string[] = [];
  const recorder: SqlRunner = {
    dialect: 'sqlite',
    all: async <T extends object>(sql: string) => {
      statements.push(sql);
      return [] as T[];
    },
    run: async () => 0,
  };
  await countInboxRows(recorder, ['someone']);
  expect(statements).toHaveLength(1);
  const plan = await server.ctx.raw.read((sql) => sql.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${statements[0]}`, [JSON.stringify(['someone'])]));
  const details = plan.map((row) => row.detail).join(' | ');
  expect(details).toMatch(/SEARCH Notification USING COVERING INDEX/);
});
