import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../server/generated/sqlite/client.js';
import type { JobLoop } from '../../server/jobs/jobLoop.js';
import { startLeasedWorker } from '../../server/jobs/leasedWorker.js';
import { claimDue, renewLease, type DueWork, type Lease } from '../../server/jobs/leases.js';
import { DATABASES, useServerPerDatabase } from '../helpers/bothDatabases.js';
import { waitFor } from '../helpers/socketClient.js';
import type { TestServer } from '../helpers/testServer.js';

// The engine is tested on Send rows with a status of their own, which none of the server's loops claims:
// the real tables, the real claim statement, on both databases.
const server = useServerPerDatabase();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` rows due now under a fresh status, and the claim conditions that select exactly them. */
async function dueRows(s: TestServer, count: number): Promise<{ ids: string[]; work: DueWork; status: string }> {
  const status = `job-test-${randomUUID().slice(0, 8)}`;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await s.ctx.db.send.create({ data: { status, category: 'general', priority: 'normal', title: `Job ${i}` }, select: { id: true } });
    ids.push(row.id);
  }
  const work: DueWork = {
    table: 'Send',
    ready: Prisma.sql`"status" = ${status}`,
    orderBy: Prisma.sql`"createdAt"`,
    set: Prisma.sql`"attempts" = "attempts" + 1`,
    returning: Prisma.sql`, "attempts"`,
  };
  return { ids, work, status };
}

/** What a job does when it is done: a write conditional on still holding the claim, ending the lease. */
async function finish(s: TestServer, claim: Lease): Promise<number> {
  const { count } = await s.ctx.db.send.updateMany({
    where: { id: claim.id, claimedBy: claim.claimedBy },
    data: { status: 'job-test-done', claimedBy: null, leaseUntil: null },
  });
  return count;
}

/** A worker as a node runs it, recording which ids it processed (every call, duplicates included). */
function worker(s: TestServer, work: DueWork, options: { leaseMs: number; workMs: number; processed: string[] }): JobLoop {
  return startLeasedWorker(s.ctx, {
    table: 'Send',
    intervalMs: 50,
    leaseMs: options.leaseMs,
    concurrency: 4,
    claim: (limit) => claimDue(s.ctx, work, { limit, leaseMs: options.leaseMs }),
    process: async (claim) => {
      options.processed.push(claim.id);
      await sleep(options.workMs);
      await finish(s, claim);
    },
    onError: (err) => {
      throw err;
    },
    onProcessError: (err) => {
      throw err;
    },
  });
}

describe.each(DATABASES)('the job engine on %s', (database) => {
  it('claims each due row exactly once across concurrent claimers, never one under a live lease, and an expired one again', async () => {
    const s = server(database);
    const { ids, work } = await dueRows(s, 20);
    const now = new Date();
    const claimed: (Lease & { attempts: number | bigint })[] = [];
    for (;;) {
      // Four "nodes" claiming at once, three rows each, until nothing is left.
      const round = (await Promise.all([1, 2, 3, 4].map(() => claimDue<{ id: string; attempts: number | bigint }>(s.ctx, work, { limit: 3, leaseMs: 1000, now })))).flat();
      if (round.length === 0) break;
      claimed.push(...round);
    }
    expect(claimed.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(claimed.every((c) => Number(c.attempts) === 1)).toBe(true);
    // Held: nobody else gets them while the lease is valid.
    expect(await claimDue(s.ctx, work, { limit: 100, leaseMs: 1000, now: new Date(now.getTime() + 999) })).toEqual([]);
    // Expired (the holder died): taken again, under a new token, the attempt counted.
    const again = await claimDue<{ id: string; attempts: number | bigint }>(s.ctx, work, { limit: 100, leaseMs: 1000, now: new Date(now.getTime() + 1001) });
    expect(again.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(new Set(again.map((c) => c.claimedBy)).size).toBe(1);
    expect(again[0]!.claimedBy).not.toBe(claimed[0]!.claimedBy);
    expect(again.every((c) => Number(c.attempts) === 2)).toBe(true);
  });

  it('lets a holder whose lease was taken over neither renew nor record; the new holder does both', async () => {
    const s = server(database);
    const { work } = await dueRows(s, 1);
    const now = new Date();
    const [stale] = await claimDue(s.ctx, work, { limit: 1, leaseMs: 1000, now });
    const [current] = await claimDue(s.ctx, work, { limit: 1, leaseMs: 1000, now: new Date(now.getTime() + 2000) });
    expect(current!.id).toBe(stale!.id);
    expect(await renewLease(s.ctx, 'Send', stale!, 1000)).toBe(false);
    expect(await finish(s, stale!)).toBe(0);
    expect(await renewLease(s.ctx, 'Send', current!, 1000)).toBe(true);
    expect(await finish(s, current!)).toBe(1);
    // Finished: the lease is gone, so there is nothing left to renew.
    expect(await renewLease(s.ctx, 'Send', current!, 1000)).toBe(false);
  });

  it('keeps the lease of work that outlasts it, so a second node never runs it while the first lives', async () => {
    const s = server(database);
    const { ids, work, status } = await dueRows(s, 3);
    const processedByA: string[] = [];
    const processedByB: string[] = [];
    // Each job takes 2.5 leases: without renewal, node B would take every one of them over mid-work.
    const a = worker(s, work, { leaseMs: 1000, workMs: 2500, processed: processedByA });
    await waitFor(() => processedByA.length === 3, 5000, 'node A to take the three jobs');
    const b = worker(s, work, { leaseMs: 1000, workMs: 0, processed: processedByB });
    try {
      await waitFor(async () => (await s.ctx.db.send.count({ where: { id: { in: ids }, status: 'job-test-done' } })) === 3, 10_000, 'the jobs to finish');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(processedByA.sort()).toEqual([...ids].sort());
    expect(processedByB).toEqual([]);
    expect(await s.ctx.db.send.count({ where: { status } })).toBe(0);
  });

  it("takes over a crashed node's work once its leases expire, each job once", async () => {
    const s = server(database);
    const { ids, work } = await dueRows(s, 3);
    // The crashed node: claimed, then gone (no work, no renewal, no release).
    const abandoned = await claimDue(s.ctx, work, { limit: 3, leaseMs: 500 });
    expect(abandoned).toHaveLength(3);
    const processed: string[] = [];
    const survivor = worker(s, work, { leaseMs: 500, workMs: 0, processed });
    try {
      await waitFor(async () => (await s.ctx.db.send.count({ where: { id: { in: ids }, status: 'job-test-done' } })) === 3, 10_000, 'the survivor to finish the jobs');
    } finally {
      await survivor.stop();
    }
    expect(processed.sort()).toEqual([...ids].sort());
  });

  it('on stop claims nothing more and lets the work in flight finish and record', async () => {
    const s = server(database);
    const { ids, work, status } = await dueRows(s, 1);
    const processed: string[] = [];
    const w = worker(s, work, { leaseMs: 1000, workMs: 500, processed });
    await waitFor(() => processed.length === 1, 5000, 'the job to start');
    await w.stop();
    // Finished and recorded before stop() returned.
    expect(await s.ctx.db.send.findUnique({ where: { id: ids[0] }, select: { status: true, claimedBy: true } })).toEqual({ status: 'job-test-done', claimedBy: null });
    // Work due after the stop stays unclaimed for another node.
    await s.ctx.db.send.create({ data: { status, category: 'general', priority: 'normal', title: 'After stop' } });
    await sleep(200);
    expect(await s.ctx.db.send.count({ where: { status, claimedBy: null } })).toBe(1);
    expect(processed).toHaveLength(1);
  });
});
