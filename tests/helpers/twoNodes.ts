import { afterAll, afterEach, beforeAll } from 'vitest';
import type { HttpClient } from './httpClient.js';
import { startPostgres, type StartedPostgres } from './postgres.js';
import { startRedis, type StartedRedis } from './redis.js';
import { InboxSocket } from './socketClient.js';
import { getTestServer, type TestServer } from './testServer.js';

/** Each test server would generate its own session secret in its DATA_DIR: the nodes must share one. */
const SHARED_SESSION_SECRET = 'scale-out-test-secret-0123456789abcdef';

/** Two nodes (A, B) behind no load balancer: the test picks the node for every request and socket. */
export interface TwoNodes {
  a(): TestServer;
  b(): TestServer;
  /** The Redis both nodes use (halt/resume it to simulate an outage). */
  redis(): StartedRedis;
  /** A socket to `node` carrying `client`'s session cookie (not yet connected), disconnected after each test. */
  openSocket(node: TestServer, client: HttpClient): InboxSocket;
}

/**
 * Scale-out set-up for a test file: a throwaway PostgreSQL and Redis, then two FlashNotify nodes on them
 * with one session secret, started before the file's tests and stopped after them. `env` goes to both
 * nodes, `perNode.a` / `perNode.b` to one of them. Call it at the top level of the file.
 *
 * @example
 * const { a, b, openSocket } = useTwoNodes({ LOGIN_RATE_LIMIT: '3' });
 * it('crosses nodes', async () => { const socket = openSocket(a(), client); … });
 */
export function useTwoNodes(env: Record<string, string> = {}, perNode: { a?: Record<string, string>; b?: Record<string, string> } = {}): TwoNodes {
  let postgres: StartedPostgres | undefined;
  let redis: StartedRedis | undefined;
  let nodeA: TestServer | undefined;
  let nodeB: TestServer | undefined;
  const sockets: InboxSocket[] = [];

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const shared = { DATABASE_URL: postgres.url, REDIS_URL: redis.url, SESSION_SECRET: SHARED_SESSION_SECRET, ...env };
    // One after the other: A migrates and seeds the empty database; B then finds the users and seeds nothing.
    nodeA = await getTestServer({ ...shared, ...perNode.a });
    nodeB = await getTestServer({ ...shared, ...perNode.b });
  }, 120_000);
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    await Promise.all([redis?.stop(), postgres?.stop()]);
  });

  return {
    a: () => nodeA!,
    b: () => nodeB!,
    redis: () => redis!,
    openSocket(node, client) {
      const socket = new InboxSocket(node.url, client.cookie);
      sockets.push(socket);
      return socket;
    },
  };
}
