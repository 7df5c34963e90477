import type { Db } from '../../db/client.js';
import type { RawDatabase } from '../../db/rawDatabase.js';
import type { TemplateRecipient } from '../../templates/notificationTemplate.js';
import { nextTurn } from '../slices.js';

/** What a template may read about a recipient, selected whenever users are loaded for a send. */
export const recipientFields = { id: true, name: true, email: true, externalId: true, locale: true, timezone: true } as const;

/** Values per `IN (…)` list: SQLite allows 999 bind parameters per statement (Prisma does not split). */
export const LOOKUP_CHUNK = 500;

/**
 * These reads give the event loop a turn between pages, so they take the database client, never a
 * transaction: on SQLite a yield inside a transaction lets other requests' queries run inside it.
 */
type Reader = Db;

/** Users whose `field` is one of `values`, read in IN lists of LOOKUP_CHUNK. */
export async function findUsersBy(db: Reader, field: 'id' | 'email' | 'externalId', values: string[]): Promise<TemplateRecipient[]> {
  const found: TemplateRecipient[] = [];
  for (let i = 0; i < values.length; i += LOOKUP_CHUNK) {
    if (i > 0) await nextTurn();
    const chunk = values.slice(i, i + LOOKUP_CHUNK);
    found.push(...(await db.user.findMany({ where: { [field]: { in: chunk } }, select: recipientFields })));
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
export async function findTopicIds(db: Reader, keys: string[]): Promise<Map<string, string>> {
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
