import { describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { buildAccount } from '../helpers/accounts.js';
import { HttpClient } from '../helpers/httpClient.js';
import { waitFor } from '../helpers/socketClient.js';
import { useTwoNodes } from '../helpers/twoNodes.js';

const PASSWORD = 'snooze-scale-password';
const ITEMS = 24;

// Both nodes poll every 50 ms and arm a timer for the soonest snooze: they race for every wake-up.
const { a, b, openSocket } = useTwoNodes({ SNOOZE_INTERVAL_MS: '50', SNOOZE_MIN_AHEAD_MS: '0' });

describe('snooze on two nodes sharing PostgreSQL', () => {
  it('wakes each snooze exactly once, told on both nodes, with gap-free seqs and exact counts', async () => {
    const user = await buildAccount(a(), PASSWORD);
    const onA = new HttpClient(a().url);
    const onB = new HttpClient(b().url);
    await onA.login(user.email, PASSWORD);
    await onB.login(user.email, PASSWORD);
    const socketA = openSocket(a(), onA);
    const socketB = openSocket(b(), onB);
    await Promise.all([socketA.connect(), socketB.connect()]);

    const sent = await sendNotification(a().url, { to: [{ email: user.email }], title: 'first' });
    expect(sent.status).toBe(202);
    const ids = [sent.body.notificationIds[0]!];
    for (let i = 1; i < ITEMS; i++) {
      const res = await sendNotification((i % 2 ? b() : a()).url, { to: [{ email: user.email }], title: `item ${i}` });
      ids.push(res.body.notificationIds[0]!);
    }
    await waitFor(() => socketA.received.length === ITEMS && socketB.received.length === ITEMS, 10_000, 'every item on both nodes');

    // All due at the same instant, set half through each node: both nodes' timers fire together.
    const at = new Date(Date.now() + 5000).toISOString();
    const patched = await Promise.all(ids.map((id, i) => (i % 2 ? onB : onA).request('PATCH', `/api/notifications/${id}`, { snoozedUntil: at })));
    expect(patched.filter((r) => r.status !== 200).map((r) => [r.status, r.body])).toEqual([]);

    const woken = (socket: typeof socketA) => socket.rawCreated.filter((n) => n.seq > ITEMS);
    await waitFor(() => woken(socketA).length >= ITEMS && woken(socketB).length >= ITEMS, 15_000, 'every wake-up on both nodes');
    await new Promise((r) => setTimeout(r, 300)); // a second wake-up of any of them would arrive meanwhile

    const { inboxSeq } = await a().ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(inboxSeq).toBe(2 * ITEMS); // one seq per send and one per wake-up: none woke twice
    for (const socket of [socketA, socketB]) {
      const wakes = woken(socket);
      expect(wakes).toHaveLength(ITEMS);
      expect(new Set(wakes.map((n) => n.id))).toEqual(new Set(ids));
      expect(wakes.map((n) => n.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: ITEMS }, (_, i) => ITEMS + 1 + i));
      expect(socket.tracker.watermark).toBe(inboxSeq);
      expect(socket.tracker.hasGap).toBe(false);
      await waitFor(() => socket.counts?.unread === ITEMS && socket.counts.unseen === ITEMS, 5000, 'exact counts');
    }
    const rows = await a().ctx.db.notification.findMany({ where: { userId: user.id } });
    expect(rows.every((n) => n.snoozedUntil === null && n.readAt === null && n.seenAt === null)).toBe(true);
    expect((await onB.get('/api/notifications/counts')).body).toMatchObject({ unread: ITEMS, unseen: ITEMS });
  });
});
