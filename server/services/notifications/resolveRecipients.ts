import type { Recipient } from '../../../shared/schemas/notification.js';
import type { Db } from '../../db/client.js';
import type { RawDatabase } from '../../db/rawDatabase.js';
import { HttpError } from '../../errors.js';
import type { TemplateRecipient } from '../../templates/notificationTemplate.js';
import { findTopicIds, findUsersBy, readAllUsers, readSubscriberIds } from './recipientLookups.js';
import { assembleRecipients, collectSelectors, type FoundSelectors, type SelectorSet } from './recipientSelectors.js';

/**
 * Reads what a SelectorSet needs, each thing once: everyone (when named and `readEveryone`), each topic's
 * id, the subscribers of the ordering topics, and the named users not already among those read, in IN
 * lists. The number of queries depends on the distinct selectors and the page counts, never on how often
 * a selector repeats.
 */
export async function readSelectors(
  { db, raw }: { db: Db; raw: RawDatabase },
  selectors: SelectorSet,
  { readEveryone }: { readEveryone: boolean },
): Promise<FoundSelectors> {
  const everyone = selectors.all && readEveryone ? await readAllUsers(raw) : undefined;
  const byId = new Map((everyone ?? []).map((u) => [u.id, u]));
  const byEmail = new Map((everyone ?? []).map((u) => [u.email.toLowerCase(), u]));
  const byExternalId = new Map((everyone ?? []).flatMap((u) => (u.externalId ? [[u.externalId, u] as const] : [])));
  const remember = (users: TemplateRecipient[]) => {
    for (const u of users) {
      byId.set(u.id, u);
      byEmail.set(u.email.toLowerCase(), u);
      if (u.externalId) byExternalId.set(u.externalId, u);
    }
  };

  const topicIds = await findTopicIds(db, selectors.topics);
  const subscribers = new Map<string, string[]>();
  // Subscribers decide who and in which order; only counting everyone needs none of them.
  if (!selectors.all || everyone) {
    for (const key of selectors.orderingTopics) {
      const topicId = topicIds.get(key);
      if (topicId) subscribers.set(key, await readSubscriberIds(raw, topicId));
    }
  }
  const subscriberIds = new Set([...subscribers.values()].flat());
  const wantedIds = [...new Set([...selectors.ids, ...subscriberIds])].filter((id) => !byId.has(id));
  remember(await findUsersBy(raw, 'id', wantedIds));
  remember(await findUsersBy(raw, 'email', selectors.emails.filter((e) => !byEmail.has(e))));
  remember(await findUsersBy(raw, 'externalId', selectors.externalIds.filter((x) => !byExternalId.has(x))));
  return { everyone, byId, byEmail, byExternalId, topicIds, subscribers };
}

/**
 * Turns `to` selectors (user id, email, externalId, topic, everyone) into the distinct recipients, in
 * first-mention order. Duplicates collapse before any query (see collectSelectors), so 250 × `all` costs
 * what one does. An unknown user or topic is a 422 naming each offending entry (`to.2.email`), so a
 * caller never believes a notification went to someone who does not exist.
 */
export async function resolveRecipients(
  db: { db: Db; raw: RawDatabase },
  to: Recipient[],
  /** At release of a scheduled send: people deleted since scheduling are skipped, not an error. */
  options: { skipUnknown?: boolean } = {},
): Promise<TemplateRecipient[]> {
  return recipientsFrom(await readSelectors(db, collectSelectors(to), { readEveryone: true }), to, options);
}

/**
 * `to`'s recipients out of users already read (readSelectors over a SelectorSet that covers `to`: a
 * bulk request reads its items' selectors once, together).
 *
 * @throws HttpError 422 `unknown_recipient` naming each unknown entry (unless `skipUnknown`)
 */
export function recipientsFrom(found: FoundSelectors, to: Recipient[], options: { skipUnknown?: boolean } = {}): TemplateRecipient[] {
  const { recipients, unknown } = assembleRecipients(to, found);
  if (unknown.length > 0 && !options.skipUnknown) throw new HttpError(422, 'unknown_recipient', 'Some recipients do not exist', unknown);
  return recipients;
}
