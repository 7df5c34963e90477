import type { Recipient } from '../../../shared/schemas/notification.js';
import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import type { TemplateRecipient } from '../../templates/notificationTemplate.js';

const recipientFields = { id: true, name: true, email: true, externalId: true, locale: true, timezone: true } as const;

/** Prisma ORM chunks nothing for us on SQLite (999 bind values), so large `in` lists are split. */
const LOOKUP_CHUNK = 500;

type Selector = 'userId' | 'email' | 'externalId';

async function findUsersBy(db: Db, field: Selector, values: string[]): Promise<TemplateRecipient[]> {
  const found: TemplateRecipient[] = [];
  const column = field === 'userId' ? 'id' : field;
  for (let i = 0; i < values.length; i += LOOKUP_CHUNK) {
    const chunk = values.slice(i, i + LOOKUP_CHUNK);
    found.push(...(await db.user.findMany({ where: { [column]: { in: chunk } }, select: recipientFields })));
  }
  return found;
}

/** The users named by one kind of selector, keyed by that selector's (normalized) value. */
async function indexUsers(db: Db, field: Selector, to: Recipient[]): Promise<Map<string, TemplateRecipient>> {
  const normalize = (value: string) => (field === 'email' ? value.toLowerCase() : value);
  const values = to.flatMap((r) => (field in r ? [normalize((r as Record<Selector, string>)[field])] : []));
  if (values.length === 0) return new Map();
  const users = await findUsersBy(db, field, values);
  const key = (u: TemplateRecipient) => (field === 'userId' ? u.id : field === 'email' ? u.email.toLowerCase() : (u.externalId ?? ''));
  return new Map(users.map((u) => [key(u), u]));
}

/**
 * Turns `to` selectors (user id, email, externalId, topic, everyone) into the distinct recipients, in
 * first-mention order. An unknown user or topic is a 422 naming each offending entry (`to.2.email`),
 * so a caller never believes a notification went to someone who does not exist.
 */
export async function resolveRecipients(
  db: Db,
  to: Recipient[],
  /** At release of a scheduled send: people deleted since scheduling are skipped, not an error. */
  options: { skipUnknown?: boolean } = {},
): Promise<TemplateRecipient[]> {
  const [byId, byEmail, byExternalId] = await Promise.all([
    indexUsers(db, 'userId', to),
    indexUsers(db, 'email', to),
    indexUsers(db, 'externalId', to),
  ]);

  const resolved = new Map<string, TemplateRecipient>();
  const unknown: { path: string; message: string }[] = [];
  for (const [index, recipient] of to.entries()) {
    if ('all' in recipient) {
      for (const user of await db.user.findMany({ select: recipientFields, orderBy: { createdAt: 'asc' } })) resolved.set(user.id, user);
    } else if ('topic' in recipient) {
      const topic = await db.topic.findUnique({
        where: { key: recipient.topic },
        select: { subscriptions: { select: { user: { select: recipientFields } }, orderBy: { createdAt: 'asc' } } },
      });
      if (!topic) unknown.push({ path: `to.${index}.topic`, message: 'No topic with this key' });
      for (const { user } of topic?.subscriptions ?? []) resolved.set(user.id, user);
    } else {
      const [field, map, value] =
        'userId' in recipient ? (['userId', byId, recipient.userId] as const)
        : 'email' in recipient ? (['email', byEmail, recipient.email.toLowerCase()] as const)
        : (['externalId', byExternalId, recipient.externalId] as const);
      const user = map.get(value);
      if (user) resolved.set(user.id, user);
      else unknown.push({ path: `to.${index}.${field}`, message: `No user with this ${field === 'userId' ? 'id' : field}` });
    }
  }
  if (unknown.length > 0 && !options.skipUnknown) throw new HttpError(422, 'unknown_recipient', 'Some recipients do not exist', unknown);
  return [...resolved.values()];
}
