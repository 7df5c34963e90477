import { describeFuzz } from '../helpers/fuzz/suite.js';
import { getTestServer } from '../helpers/testServer.js';

// Issue 8 item 7 on the embedded database. fuzzPostgres.test.ts runs the same suite on PostgreSQL.
describeFuzz('SQLite', (env) => getTestServer(env));
