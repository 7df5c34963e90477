import type { InboxCounts } from '../../../shared/schemas/notification.js';
import { dateFromSql, sqlInList, sqlListParam, sqlTimestampColumn, type SqlRunner } from '../../db/rawDatabase.js';
import type { NotificationRow } from '../../presenters/notification.js';

/**
 * The raw SQL that reads an inbox on the hot path (socket connect, replay, gap catch-up, counts), for
 * SQLite and PostgreSQL alike. A reconnect storm runs these for every socket at once: through the ORM
 * they were five queries and most of a node's CPU per reconnect (issue 9).
 */

/** Where a user's stream stands: its latest seq and the version its counts are labelled with. */
export interface InboxPosition {
  inboxSeq: number;
  stateVersion: number;
}

/** The user's stream position, or undefined when the user does not exist (deleted meanwhile). */
export async function readInboxPosition(sql: SqlRunner, userId: string): Promise<InboxPosition | undefined> {
  const [row] = await sql.all<InboxPosition>(`SELECT "inboxSeq", "stateVersion" FROM "User" WHERE "id" = ?`, [userId]);
  return row && { inboxSeq: Number(row.inboxSeq), stateVersion: Number(row.stateVersion) };
}

const nullableDate = (value: unknown): Date | null => (value === null || value === undefined ? null : dateFromSql(value));

/** The SELECT list of a NotificationRow for a dialect: built once per dialect, not per replay. */
function rowColumnsFor(dialect: SqlRunner['dialect']): string {
  const timestamp = (column: string) => sqlTimestampColumn({ dialect }, column);
  return ['"id"', '"seq"', '"category"', '"priority"', '"title"', '"body"', '"actionUrl"', '"data"', '"icon"', '"actions"', '"actedActionId"']
    .concat(['createdAt', 'seenAt', 'readAt', 'archivedAt', 'actedAt', 'pinnedAt'].map(timestamp))
    .join(', ');
}
const ROW_COLUMNS = { sqlite: rowColumnsFor('sqlite'), postgres: rowColumnsFor('postgres') };

/**
 * The user's notifications with `afterSeq < seq <= throughSeq`, oldest first (the replay of a stream gap;
 * callers bound the range by REPLAY_LIMIT). Snoozed and deleted ones are left out: snoozed ones are not in
 * the inbox until they wake, and waking gives them a new seq, replayed then; deleted ones are gone. The
 * client's watermark jumps the holes: the replay confirms everything up to `throughSeq`.
 */
export async function readStreamRows(sql: SqlRunner, userId: string, afterSeq: number, throughSeq: number): Promise<NotificationRow[]> {
  type Timestamps = 'createdAt' | 'seenAt' | 'readAt' | 'archivedAt' | 'actedAt' | 'pinnedAt';
  const rows = await sql.all<Omit<NotificationRow, Timestamps> & Record<Timestamps, unknown>>(
    `SELECT ${ROW_COLUMNS[sql.dialect]} FROM "Notification" WHERE "userId" = ? AND "seq" > ? AND "seq" <= ? AND "snoozedUntil" IS NULL AND "deletedAt" IS NULL ORDER BY "seq"`,
    [userId, afterSeq, throughSeq],
  );
  return rows.map((row) => ({
    ...row,
    seq: Number(row.seq),
    createdAt: dateFromSql(row.createdAt),
    seenAt: nullableDate(row.seenAt),
    readAt: nullableDate(row.readAt),
    archivedAt: nullableDate(row.archivedAt),
    actedAt: nullableDate(row.actedAt),
    pinnedAt: nullableDate(row.pinnedAt),
  }));
}

/** Exact unread/unseen counts (archived and snoozed never count) of many users in one statement; 0/0 for a user without rows. */
export async function countInboxRows(sql: SqlRunner, userIds: readonly string[]): Promise<Map<string, Omit<InboxCounts, 'version'>>> {
  if (userIds.length === 0) return new Map();
  const count = (condition: string) =>
    sql.dialect === 'postgres' ? `(COUNT(*) FILTER (WHERE ${condition}))::int` : `COALESCE(SUM(${condition}), 0)`;
  const rows = await sql.all<{ userId: string; unread: number; unseen: number }>(
    `SELECT "userId", ${count('"readAt" IS NULL')} AS unread, ${count('"seenAt" IS NULL')} AS unseen
     FROM "Notification" WHERE ${sqlInList(sql, '"userId"')} AND "archivedAt" IS NULL AND "snoozedUntil" IS NULL GROUP BY "userId"`,
    [sqlListParam(sql, userIds)],
  );
  const byUser = new Map(rows.map((r) => [r.userId, { unread: Number(r.unread), unseen: Number(r.unseen) }]));
  return new Map(userIds.map((id) => [id, byUser.get(id) ?? { unread: 0, unseen: 0 }]));
}
