import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from '../../server/services/apiKeys/apiKeySecrets.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

let server: TestServer;

const listTopics = (key: string) => fetch(`${server.url}/api/v1/topics`, { headers: { authorization: `Bearer ${key}` } });

beforeAll(async () => {
  server = await getTestServer({ API_RATE_LIMIT: '5' });
});
afterAll(() => server.stop());

describe('per-API-key rate limit', () => {
  it('answers the 6th request in a minute with 429 rate_limited and Retry-After; another key is unaffected', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await listTopics(TEST_API_KEY);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-policy')).toMatch(/q=5/);
      expect(res.headers.get('ratelimit')).toMatch(new RegExp(`r=${5 - i}`));
    }
    const limited = await listTopics(TEST_API_KEY);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });

    const secret = generateApiKeySecret();
    await server.ctx.db.apiKey.create({
      data: { name: 'other', prefix: apiKeyPrefix(secret), secretHash: hashApiKeySecret(secret), scopes: 'notifications:write' },
    });
    expect((await listTopics(secret)).status).toBe(200);
  });

  it('does not count requests without a valid key against anyone (they are 401 first)', async () => {
    expect((await listTopics('fn_wrong_key_0000000000000000')).status).toBe(401);
  });
});
