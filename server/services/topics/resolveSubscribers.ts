import type { TopicSubscribersInput } from '../../../shared/schemas/directory.js';
import type { Db, Tx } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import { chunked } from './topicQueries.js';

/**
 * Turns `subscribers` (by our id or the caller's externalId) into distinct user ids. Any unknown entry
 * is a 422 naming it (`subscribers.3.externalId`), and nothing changes: a partial subscribe would leave the
 * caller guessing which half went through.
 */
export async function resolveSubscribers(db: Db | Tx, subscribers: TopicSubscribersInput['subscribers']): Promise<string[]> {
  const ids = [...new Set(subscribers.flatMap((s) => ('userId' in s ? [s.userId] : [])))];
  const externalIds = [...new Set(subscribers.flatMap((s) => ('externalId' in s ? [s.externalId] : [])))];
  const knownIds = new Set<string>();
  const idByExternalId = new Map<string, string>();
  for (const chunk of chunked(ids)) {
    for (const u of await db.user.findMany({ where: { id: { in: chunk } }, select: { id: true } })) knownIds.add(u.id);
  }
  for (const chunk of chunked(externalIds)) {
    const users = await db.user.findMany({ where: { externalId: { in: chunk } }, select: { id: true, externalId: true } });
    for (const u of users) idByExternalId.set(u.externalId!, u.id);
  }

  const resolved = new Set<string>();
  const unknown: { path: string; message: string }[] = [];
  subscribers.forEach((s, index) => {
    if ('userId' in s) {
      if (knownIds.has(s.userId)) resolved.add(s.userId);
      else unknown.push({ path: `subscribers.${index}.userId`, message: 'No user with this id' });
    } else {
      const id = idByExternalId.get(s.externalId);
      if (id) resolved.add(id);
      else unknown.push({ path: `subscribers.${index}.externalId`, message: 'No user with this externalId' });
    }
  });
  if (unknown.length > 0) throw new HttpError(422, 'unknown_user', 'Some subscribers do not exist', unknown);
  return [...resolved];
}
