import { performance } from 'node:perf_hooks';
import { getTestServer, TEST_API_KEY } from '../tests/helpers/testServer.js';
const server = await getTestServer({ API_RATE_LIMIT: '1000000', LOG_LEVEL: 'error' });
const N = 1000;
await server.ctx.db.user.createMany({ data: Array.from({ length: N }, (_, i) => ({ email: `b${i}@example.com`, name: `B ${i}`, externalId: `b${i}` })) });
const post = (k: number) => fetch(`${server.url}/api/v1/notifications/bulk`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
  body: JSON.stringify({ notifications: Array.from({ length: 1000 }, (_, i) => ({ to: [{ externalId: `b${i}` }], title: `Bulk ${k}-${i}`, data: { k, i }, idempotencyKey: `k${k}-${i}` })) }),
}).then(async (r) => { const b = await r.json() as any; if (r.status !== 200 || b.results.some((x: any) => x.status !== 202)) throw new Error(JSON.stringify(b).slice(0, 300)); });
await post(-1);
for (const conc of [1, 2, 4]) {
  const cpu0 = process.cpuUsage(); const t = performance.now(); const rounds = 8;
  let k = 0; await Promise.all(Array.from({ length: conc }, async () => { while (k < rounds) await post(conc * 100 + k++); }));
  const ms = performance.now() - t; const cpu = process.cpuUsage(cpu0);
  console.log(`bulk conc=${conc}: ${(rounds * 1000 / ms * 1000).toFixed(0)} notifications/s, CPU ${((cpu.user + cpu.system) / 1000 / (rounds * 1000)).toFixed(3)} ms/notification`);
}
await server.stop();
