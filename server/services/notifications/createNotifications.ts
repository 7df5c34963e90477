import { randomUUID } from 'node:crypto';
import type { CreateNotificationInput, CreateNotificationResult } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import { Prisma } from '../../generated/sqlite/client.js';
import { presentNotification, type NotificationRow } from '../../presenters/notification.js';
import { countInboxes } from './inboxCounts.js';
import { reserveInboxSeqs } from './reserveInboxSeqs.js';
import { resolveRecipients } from './resolveRecipients.js';

/** Rows per multi-row INSERT: 11 parameters a row stays far below SQLite's and PostgreSQL's limits. */
const INSERT_CHUNK = 500;

export interface CreateNotificationsProps {
  input: CreateNotificationInput;
  /** Who sends: an API key (services) or an admin user (composer, next issue). */
  sender: { apiKeyId?: string; userId?: string };
}

/**
 * Creates one notification per recipient. Everything is committed in one transaction (send record,
 * per-user seqs, rows); only then is each recipient told over their private room.
 *
 * @example
 * await createNotifications(ctx, { input: { to: [{ email: 'alice@example.com' }], title: 'Hi', … }, sender: { apiKeyId } });
 */
export async function createNotifications(
  ctx: AppContext,
  { input, sender }: CreateNotificationsProps,
): Promise<CreateNotificationResult> {
  const userIds = await resolveRecipients(ctx.db, input.to);
  const createdAt = new Date();
  const data = input.data ? JSON.stringify(input.data) : null;

  const { sendId, rows, counts } = await ctx.db.$transaction(async (tx) => {
    const send = await tx.send.create({
      data: {
        apiKeyId: sender.apiKeyId,
        createdById: sender.userId,
        category: input.category,
        priority: input.priority,
        title: input.title,
        recipientCount: userIds.length,
        createdAt,
      },
    });
    const reserved = await reserveInboxSeqs(tx, ctx.dialect, userIds);
    const rows: (NotificationRow & { userId: string })[] = userIds.map((userId) => ({
      id: randomUUID(),
      userId,
      seq: reserved.get(userId)!.seq,
      category: input.category,
      priority: input.priority,
      title: input.title,
      body: input.body,
      actionUrl: input.actionUrl ?? null,
      data,
      createdAt,
      seenAt: null,
      readAt: null,
      archivedAt: null,
    }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const values = rows
        .slice(i, i + INSERT_CHUNK)
        .map(
          (r) =>
            Prisma.sql`(${r.id}, ${r.userId}, ${r.seq}, ${r.category}, ${r.priority}, ${r.title}, ${r.body}, ${r.actionUrl}, ${r.data}, ${r.createdAt}, ${send.id})`,
        );
      await tx.$executeRaw`INSERT INTO "Notification" ("id", "userId", "seq", "category", "priority", "title", "body", "actionUrl", "data", "createdAt", "sendId") VALUES ${Prisma.join(values)}`;
    }
    const versions = new Map([...reserved].map(([id, r]) => [id, r.version]));
    return { sendId: send.id, rows, counts: await countInboxes(tx, versions) };
  });

  for (const row of rows) {
    ctx.realtime.publish(row.userId, 'notification.created', presentNotification(row));
    ctx.realtime.publish(row.userId, 'counts.updated', counts.get(row.userId)!);
  }
  return { sendId, notificationIds: rows.map((r) => r.id), recipientCount: rows.length };
}
