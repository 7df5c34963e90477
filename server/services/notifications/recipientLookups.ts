import type { Db } from '../../db/client.js';
import type { TemplateRecipient } from '../../templates/notificationTemplate.js';
import { nextTurn } from '../slices.js';

/** What a template may read about a recipient, selected whenever users are loaded for a send. */
export const recipientFields = { id: true, name: true, email: true, externalId: true, locale: true, timezone: true } as const;

/** Values per `IN (…)` list: SQLite allows 999 bind parameters per statement (Prisma does not split). */
export const LOOKUP_CHUNK = 500;

/** Rows per page when reading everyone or a topic's subscribers; the event loop gets a turn between pages. */
export const READ_PAGE = 1000;

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
 * Every user, oldest first (ties by id), in keyset pages of READ_PAGE. The keyset is the last row's own
 * values, not a Prisma cursor row, so a user deleted meanwhile cannot end the read early.
 */
export async function readAllUsers(db: Reader): Promise<TemplateRecipient[]> {
  const users: TemplateRecipient[] = [];
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const page = await db.user.findMany({
      where: after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {},
      select: { ...recipientFields, createdAt: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: READ_PAGE,
    });
    for (const { createdAt: _createdAt, ...user } of page) users.push(user);
    if (page.length < READ_PAGE) return users;
    after = page[page.length - 1]!;
    await nextTurn();
  }
}

/** Topic ids by key, for the keys that exist (one query; keys are few, see LIMITS.topicsPerSendMax). */
export async function findTopicIds(db: Reader, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const topics = await db.topic.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  return new Map(topics.map((t) => [t.key, t.id]));
}

/** A topic's subscribers' user ids in subscription order (ties by user id), in keyset pages of READ_PAGE. */
export async function readSubscriberIds(db: Reader, topicId: string): Promise<string[]> {
  const ids: string[] = [];
  let after: { createdAt: Date; userId: string } | undefined;
  for (;;) {
    const page = await db.topicSubscription.findMany({
      where: {
        topicId,
        ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, userId: { gt: after.userId } }] } : {}),
      },
      select: { userId: true, createdAt: true },
      orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
      take: READ_PAGE,
    });
    for (const row of page) ids.push(row.userId);
    if (page.length < READ_PAGE) return ids;
    after = page[page.length - 1]!;
    await nextTurn();
  }
}
