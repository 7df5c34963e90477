import { sqlInList as inIds, sqlListParam as idList, type SqlRunner } from '../../db/rawDatabase.js';
import type { NotificationRow } from '../../presenters/notification.js';
import type { AuditEventColumns } from '../audit/appendAuditEvent.js';
import type { SpecColumns } from '../sends/sendSpec.js';
import type { NewWebhookMessage, WebhookSubscriber } from '../../webhooks/webhookMessages.js';

/**
 * The SQL of a send's commit, for SQLite and PostgreSQL behind one set of functions (DESIGN.md: both
 * dialects, no SQLite-only logic in the services). Every statement's text is fixed whatever the number of
 * rows, so it is prepared once per connection: id lists travel as ONE parameter (`json_each(?)` on
 * SQLite, `= ANY(?::text[])` on PostgreSQL); rows are inserted by one prepared single-row statement per
 * row on SQLite (no round trips: in-process) and by multi-row INSERTs on PostgreSQL (one round trip per
 * chunk).
 */

/** Rows per multi-row INSERT on PostgreSQL: 19 columns × 2,000 stays below its 65,535 parameters. */
const PG_INSERT_CHUNK = 2000;

/**
 * Rows per multi-row INSERT on SQLite: a fan-out crosses from JavaScript into SQLite once per 64 rows
 * instead of once per row (19 columns × 64 stays far below its 32,766 parameters). The rest of a
 * batch goes row by row, so only two statement texts per table are ever prepared.
 */
const SQLITE_INSERT_CHUNK = 64;

/**
 * Inserts `rows` into `table`; `write` appends one row's values, in `columns` order, to the parameters.
 * One parameter array is reused for every statement (both drivers copy the values when the statement
 * runs, and each run is awaited before the next): a 100,000-row fan-out allocates no array per row.
 */
async function insertRows<R>(
  sql: SqlRunner,
  table: string,
  columns: readonly string[],
  rows: readonly R[],
  write: (row: R, params: unknown[]) => void,
): Promise<void> {
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const params: unknown[] = [];
  const run = (text: string, from: number, to: number) => {
    params.length = 0;
    for (let i = from; i < to; i++) write(rows[i]!, params);
    return sql.run(text, params);
  };
  if (sql.dialect === 'sqlite') {
    const chunkSql = head + Array.from({ length: SQLITE_INSERT_CHUNK }, () => tuple).join(', ');
    let i = 0;
    for (; i + SQLITE_INSERT_CHUNK <= rows.length; i += SQLITE_INSERT_CHUNK) await run(chunkSql, i, i + SQLITE_INSERT_CHUNK);
    for (; i < rows.length; i++) await run(head + tuple, i, i + 1);
    return;
  }
  for (let i = 0; i < rows.length; i += PG_INSERT_CHUNK) {
    const end = Math.min(i + PG_INSERT_CHUNK, rows.length);
    await run(head + Array.from({ length: end - i }, () => tuple).join(', '), i, end);
  }
}

/**
 * Which of these users still exist. On PostgreSQL their rows are locked (in id order, so two writers
 * never deadlock) until the transaction ends: their seqs can then be reserved without a gap.
 */
export async function lockExistingUsers(sql: SqlRunner, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const sorted = [...userIds].sort();
  const lock = sql.dialect === 'postgres' ? ' ORDER BY "id" FOR UPDATE' : '';
  const rows = await sql.all<{ id: string }>(`SELECT "id" FROM "User" WHERE ${inIds(sql, '"id"')}${lock}`, [idList(sql, sorted)]);
  return new Set(rows.map((r) => r.id));
}

/** The scheduled sends among `claims` whose claim still holds (status processing, same claim token). */
export async function liveClaims(sql: SqlRunner, claims: readonly { sendId: string; claimedBy: string }[]): Promise<Set<string>> {
  const live = new Set<string>();
  for (const claim of claims) {
    const rows = await sql.all<{ id: string }>(
      `SELECT "id" FROM "Send" WHERE "id" = ? AND "status" = 'processing' AND "claimedBy" = ?`,
      [claim.sendId, claim.claimedBy],
    );
    if (rows.length > 0) live.add(claim.sendId);
  }
  return live;
}

export interface IdempotencyRecordRow {
  id: string;
  scope: string;
  key: string;
  requestHash: string;
  responseStatus: number;
  responseBody: string;
  createdAt: Date;
}

/**
 * Inserts Idempotency-Key records; a key already taken (committed by an earlier request, or earlier in
 * this batch) is skipped. Returns the ids of the records inserted. On PostgreSQL a key another
 * transaction holds uncommitted makes this wait for it, as the unique index does.
 */
export async function insertIdempotencyRecords(sql: SqlRunner, rows: readonly IdempotencyRecordRow[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const r of rows) {
    const back = await sql.all<{ id: string }>(
      `INSERT INTO "IdempotencyRecord" ("id", "apiKeyId", "key", "requestHash", "responseStatus", "responseBody", "createdAt")
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("apiKeyId", "key") DO NOTHING RETURNING "id"`,
      [r.id, r.scope, r.key, r.requestHash, r.responseStatus, r.responseBody, r.createdAt],
    );
    if (back.length > 0) inserted.add(r.id);
  }
  return inserted;
}

/** A Send row that goes out now: its spec's columns (specToColumns) and who sent it. */
export type SendRow = SpecColumns & {
  id: string;
  apiKeyId: string | null;
  createdById: string | null;
  sentAt: Date;
  recipientCount: number;
  lastError: string | null;
  traceParent: string | null;
};

const SEND_COLUMNS = [
  'id', 'recipients', 'title', 'body', 'category', 'priority', 'actionUrl', 'data', 'channels', 'apiKeyId', 'createdById',
  'icon', 'actions', 'status', 'createdAt', 'sentAt', 'recipientCount', 'lastError', 'attempts', 'traceParent',
] as const;

/** Sends that go out now, created as sent. */
export async function insertSends(sql: SqlRunner, rows: readonly SendRow[]): Promise<void> {
  await insertRows(sql, 'Send', SEND_COLUMNS, rows, (s, params) =>
    params.push(
      s.id, s.recipients, s.title, s.body, s.category, s.priority, s.actionUrl, s.data, s.channels, s.apiKeyId, s.createdById,
      s.icon, s.actions, 'sent', s.sentAt, s.sentAt, s.recipientCount, s.lastError, 0, s.traceParent,
    ),
  );
}

const AUDIT_COLUMNS = [
  'id', 'at', 'actorType', 'actorId', 'actorLabel', 'action', 'targetType', 'targetId', 'ip', 'userAgent', 'before', 'after', 'requestId', 'traceId',
] as const;

/** Audit events committed with their sends (a new send's `send.created`): the AuditEvent row as appendAuditEvent writes it. */
export async function insertAuditEvents(sql: SqlRunner, rows: readonly (AuditEventColumns & { id: string; at: Date })[]): Promise<void> {
  await insertRows(sql, 'AuditEvent', AUDIT_COLUMNS, rows, (e, params) =>
    params.push(e.id, e.at, e.actorType, e.actorId, e.actorLabel, e.action, e.targetType, e.targetId, e.ip, e.userAgent, e.before, e.after, e.requestId, e.traceId),
  );
}

/** A claimed scheduled send, now sent (its claim was checked live in this transaction). */
export async function markClaimedSent(sql: SqlRunner, send: { id: string; sentAt: Date; recipientCount: number; lastError: string | null }): Promise<void> {
  await sql.run(`UPDATE "Send" SET "status" = 'sent', "sentAt" = ?, "leaseUntil" = NULL, "claimedBy" = NULL, "lastError" = ?, "recipientCount" = ? WHERE "id" = ?`, [
    send.sentAt,
    send.lastError,
    send.recipientCount,
    send.id,
  ]);
}

/** What routing reads of a recipient's own row (see server/delivery/routeNotification.ts RecipientPolicy). */
export interface RecipientContactRow {
  email: string | null;
  phone: string | null;
  smsConsentAt: string | Date | null;
  teamsWebhookUrl: string | null;
  whatsappConsentAt: string | Date | null;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  timezone: string;
}

/** A user's reservation: the LAST seq and version taken, and the row's contact columns read on the way. */
export type SeqReservation = RecipientContactRow & { id: string; seq: number; version: number };

/** RETURNING list of the reservation (`alias` qualifies the columns: PostgreSQL's UPDATE … FROM). */
const reservationColumns = (alias: string) =>
  `${alias}"id", ${alias}"inboxSeq" AS "seq", ${alias}"stateVersion" AS "version", ` +
  ['"email"', '"phone"', '"smsConsentAt"', '"teamsWebhookUrl"', '"whatsappConsentAt"', '"quietHoursStart"', '"quietHoursEnd"', '"timezone"'].map((c) => alias + c).join(', ');

/**
 * Takes `n` inbox seqs (and `n` inbox versions) for each user; returns the LAST seq and version taken,
 * so the user's new notifications get `seq - n + 1 … seq` in order, with the contact columns routing
 * needs (RETURNING them from the row being updated anyway: a broadcast to 100,000 users read every row a
 * second time for them). Call after lockExistingUsers.
 */
export async function reserveSeqs(sql: SqlRunner, wanted: ReadonlyMap<string, number>): Promise<Map<string, SeqReservation>> {
  const reserved = new Map<string, SeqReservation>();
  if (wanted.size === 0) return reserved;
  if (sql.dialect === 'sqlite') {
    // One UPDATE per distinct count (a broadcast: one for everyone), not one per user.
    const byCount = new Map<number, string[]>();
    for (const [id, n] of wanted) {
      let ids = byCount.get(n);
      if (!ids) byCount.set(n, (ids = []));
      ids.push(id);
    }
    for (const [n, ids] of byCount) {
      const rows = await sql.all<SeqReservation>(
        `UPDATE "User" SET "inboxSeq" = "inboxSeq" + ?, "stateVersion" = "stateVersion" + ? WHERE ${inIds(sql, '"id"')} RETURNING ${reservationColumns('')}`,
        [n, n, idList(sql, ids)],
      );
      for (const row of rows) reserved.set(row.id, row);
    }
    return reserved;
  }
  const ids = [...wanted.keys()];
  const rows = await sql.all<SeqReservation>(
    `UPDATE "User" AS u SET "inboxSeq" = u."inboxSeq" + w.n, "stateVersion" = u."stateVersion" + w.n
     FROM unnest(?::text[], ?::int[]) AS w(id, n) WHERE u."id" = w.id RETURNING ${reservationColumns('u.')}`,
    [ids, ids.map((id) => wanted.get(id)!)],
  );
  for (const row of rows) reserved.set(row.id, row);
  return reserved;
}

/** What routing reads about recipients beyond their own row: push device counts and preference rows. */
export interface RecipientPolicyRows {
  devices: Map<string, number>;
  preferences: { userId: string; category: string; channel: string; enabled: boolean | number | null; emailDigest: string | null }[];
}

/** Push device counts and preference rows of many users: two queries. */
export async function loadRecipientPolicyRows(sql: SqlRunner, userIds: readonly string[]): Promise<RecipientPolicyRows> {
  const list = idList(sql, userIds);
  const devices = await sql.all<{ userId: string; n: number }>(
    `SELECT "userId", COUNT(*)${sql.dialect === 'postgres' ? '::int' : ''} AS n FROM "PushSubscription" WHERE ${inIds(sql, '"userId"')} GROUP BY "userId"`,
    [list],
  );
  const preferences = await sql.all<RecipientPolicyRows['preferences'][number]>(
    `SELECT "userId", "category", "channel", "enabled", "emailDigest" FROM "Preference" WHERE ${inIds(sql, '"userId"')}`,
    [list],
  );
  return { devices: new Map(devices.map((d) => [d.userId, d.n])), preferences };
}

/** A notification row as inserted: the presented columns (NotificationRow) plus its owner, digest and send. */
export type NotificationInsert = NotificationRow & { userId: string; digest: string | null; sendId: string };

const NOTIFICATION_COLUMNS = [
  'id', 'userId', 'seq', 'category', 'priority', 'title', 'body', 'actionUrl', 'data', 'createdAt', 'readAt', 'seenAt', 'archivedAt', 'digest', 'sendId',
  'icon', 'actions',
] as const;

/** New notifications (see commitSends). */
export async function insertNotificationRows(sql: SqlRunner, rows: readonly NotificationInsert[]): Promise<void> {
  await insertRows(sql, 'Notification', NOTIFICATION_COLUMNS, rows, (r, params) =>
    params.push(r.id, r.userId, r.seq, r.category, r.priority, r.title, r.body, r.actionUrl, r.data, r.createdAt, r.readAt, r.seenAt, r.archivedAt, r.digest, r.sendId, r.icon, r.actions),
  );
}

export interface DeliveryInsert {
  id: string;
  notificationId: string;
  userId: string;
  channel: string;
  nextAttemptAt: Date;
  escalationStep: number | null;
  deferredReason: string | null;
  createdAt: Date;
}

const DELIVERY_COLUMNS = ['id', 'notificationId', 'userId', 'channel', 'status', 'attempts', 'nextAttemptAt', 'escalationStep', 'deferredReason', 'createdAt', 'updatedAt'] as const;

/** The external deliveries (the durable outbox), pending, committed with their notifications. */
export async function insertDeliveryRows(sql: SqlRunner, rows: readonly DeliveryInsert[]): Promise<void> {
  await insertRows(sql, 'Delivery', DELIVERY_COLUMNS, rows, (d, params) =>
    params.push(d.id, d.notificationId, d.userId, d.channel, 'pending', 0, d.nextAttemptAt, d.escalationStep, d.deferredReason, d.createdAt, d.createdAt),
  );
}

/** Each user's `externalId` (the host app's id; null when it has none), for the batch's webhook events. */
export async function loadExternalIds(sql: SqlRunner, userIds: readonly string[]): Promise<Map<string, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await sql.all<{ id: string; externalId: string | null }>(`SELECT "id", "externalId" FROM "User" WHERE ${inIds(sql, '"id"')}`, [idList(sql, [...userIds])]);
  return new Map(rows.map((r) => [r.id, r.externalId]));
}

/** The enabled webhook endpoints (id, `eventTypes`): who the batch's events go to (webhookMessageRows). */
export async function loadWebhookSubscribers(sql: SqlRunner): Promise<WebhookSubscriber[]> {
  // TRUE is 1 on SQLite (Prisma stores a Boolean as an integer there), a boolean on PostgreSQL.
  return sql.all<WebhookSubscriber>(`SELECT "id", "eventTypes" FROM "WebhookEndpoint" WHERE "enabled" = TRUE`);
}

const WEBHOOK_MESSAGE_COLUMNS = ['id', 'eventId', 'endpointId', 'eventType', 'payload', 'nextAttemptAt', 'createdAt', 'updatedAt'] as const;

/** Writes the batch's webhook messages (the outbox rows of its `notification.created` and `send.completed` events). */
export async function insertWebhookMessages(sql: SqlRunner, rows: readonly NewWebhookMessage[]): Promise<void> {
  await insertRows(sql, 'WebhookMessage', WEBHOOK_MESSAGE_COLUMNS, rows, (m, params) =>
    params.push(m.id, m.eventId, m.endpointId, m.eventType, m.payload, m.nextAttemptAt, m.createdAt, m.updatedAt),
  );
}
