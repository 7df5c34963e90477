import { dateFromSql, sqlTimestampColumn, type SqlRunner } from '../../db/rawDatabase.js';
import { userIdOf } from './readSessionStates.js';

/**
 * Whether session `sid` is still stored, unexpired and signed in as `userId`: one prepared statement on the
 * hot path's connection (a socket's sync runs it in the same turn as its replay, see readInboxSync).
 *
 * @example
 * if (!(await isLiveSessionOf(sql, socket.data.sessionId, socket.data.userId))) socket.disconnect(true);
 */
export async function isLiveSessionOf(sql: SqlRunner, sid: string, userId: string, now = Date.now()): Promise<boolean> {
  const [row] = await sql.all<{ data: string; expiresAt: unknown }>(
    `SELECT "data", ${sqlTimestampColumn(sql, 'expiresAt')} FROM "Session" WHERE "sid" = ?`,
    [sid],
  );
  return row !== undefined && dateFromSql(row.expiresAt).getTime() > now && userIdOf(row.data) === userId;
}
