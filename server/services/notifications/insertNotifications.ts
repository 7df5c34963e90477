import type { Tx } from '../../db/client.js';
import { Prisma } from '../../generated/sqlite/client.js';
import type { NotificationRow } from '../../presenters/notification.js';

/** Rows per multi-row INSERT: 14 parameters a row stays far below SQLite's and PostgreSQL's limits. */
const INSERT_CHUNK = 500;

export type NewNotificationRow = NotificationRow & { userId: string; digest: string | null };

/**
 * Multi-row raw INSERTs for a fan-out (ORM `createMany` is several times slower here). `createdAt` is
 * always passed: a column default would store another timestamp format on SQLite and break comparisons.
 */
export async function insertNotifications(tx: Tx, rows: NewNotificationRow[], sendId: string): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const values = rows
      .slice(i, i + INSERT_CHUNK)
      .map(
        (r) =>
          Prisma.sql`(${r.id}, ${r.userId}, ${r.seq}, ${r.category}, ${r.priority}, ${r.title}, ${r.body}, ${r.actionUrl}, ${r.data}, ${r.createdAt}, ${r.readAt}, ${r.seenAt}, ${r.archivedAt}, ${r.digest}, ${sendId})`,
      );
    await tx.$executeRaw`INSERT INTO "Notification" ("id", "userId", "seq", "category", "priority", "title", "body", "actionUrl", "data", "createdAt", "readAt", "seenAt", "archivedAt", "digest", "sendId") VALUES ${Prisma.join(values)}`;
  }
}
