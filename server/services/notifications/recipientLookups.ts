import type { Db } from '../../db/client.js';
import { sqlInList, sqlListParam, type RawDatabase } from '../../db/rawDatabase.js';
import type { TemplateRecipient } from '../../templates/notificationTemplate.js';
import { nextTurn } from '../slices.js';

/** What a template may read about a recipient, selected whenever users are loaded for a send. */
export const recipientFields = { id: true, name: true, email: true, externalId: true, locale: true, timezone: true } as const;

/** Values per lookup statement: the event loop gets a turn between them (a 10,000-recipient `to` list). */
export const LOOKUP_CHUNK = 500;

/** The columns of `recipientFields`, as raw SQL selects them. */
const RECIPIENT_COLUMNS = Object.keys(recipientFields)
  .map((column) => `"${column}"`)
  .join(', ');

/**
 * Users whose `field` is one of `values`: one raw statement per LOOKUP_CHUNK values on the hot path's
 * connection (every API send runs this; through the ORM it was one of its larger costs), outside any
 * transaction, with an event-loop turn between chunks.
 */
export async function findUsersBy(raw: RawDatabase, field: 'id' | 'email' | 'externalId', values: string[]): Promise<TemplateRecipient[]> {
  const found: TemplateRecipient[] = [];
  for (let i = 0; i < values.length; i += LOOKUP_CHUNK) {
    if (i > 0) await nextTurn();
    const chunk = values.slice(i, i + LOOKUP_CHUNK);
    const rows = await raw.read((sql) =>
      sql.all<TemplateRecipient>(`SELECT ${RECIPIENT_COLUMNS} FROM "User" WHERE ${sqlInList(sql, `"${field}"`)}`, [sqlListParam(sql, chunk)]),
    );
    found.push(...rows);
  }
  return found;
}

/**
 * Every user, oldest first (ties by id): one raw query on the hot path's connection. Keyset pages through
 * the ORM cost seconds for 100,000 users (its OR-shaped keyset condition scans the table on every page);
 * one sorted read of six columns takes ~0.1 s and holds the event loop only that long.
 */
export async function readAllUsers(raw: RawDatabase): Promise<TemplateRecipient[]> {
  return raw.read((sql) =>
    sql.all<TemplateRecipient>(`SELECT "id", "name", "email", "externalId", "locale", "timezone" FROM "User" ORDER BY "createdAt", "id"`),
  );
}

/** Topic ids by key, for the keys that exist (one query; keys are few, see LIMITS.topicsPerSendMax). */
export async function findTopicIds(db: Db, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const topics = await db.topic.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  return new Map(topics.map((t) => [t.key, t.id]));
}

/**
 * A topic's subscribers' user ids in subscription order (ties by user id): one raw query, for the same
 * reason as readAllUsers (ORM keyset pages rescanned the topic's subscriptions on every page).
 */
export async function readSubscriberIds(raw: RawDatabase, topicId: string): Promise<string[]> {
  const rows = await raw.read((sql) =>
    sql.all<{ userId: string }>(`SELECT "userId" FROM "TopicSubscription" WHERE "topicId" = ? ORDER BY "createdAt", "userId"`, [topicId]),
  );
  return rows.map((row) => row.userId);
}
