import { startPostgres } from '../helpers/postgres.js';
import { describeFuzz } from '../helpers/fuzz/suite.js';
import { getTestServer } from '../helpers/testServer.js';

// Issue 8 item 7 on PostgreSQL, where text cannot hold NUL and integer columns are 32-bit: faults SQLite hides.
describeFuzz('PostgreSQL', async (env) => {
  const postgres = await startPostgres();
  try {
    const server = await getTestServer({ ...env, DATABASE_URL: postgres.url });
    return {
      ...server,
      stop: async () => {
        await server.stop();
        await postgres.stop();
      },
    };
  } catch (err) {
    await postgres.stop();
    throw err;
  }
});
