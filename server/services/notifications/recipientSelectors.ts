import type { ApiErrorDetail } from '../../../shared/errors.js';
import type { Recipient } from '../../../shared/schemas/notification.js';
import type { TemplateRecipient } from '../../templates/notificationTemplate.js';

/**
 * The distinct things a `to` list names, collected before any query: 250 × `{ "all": true }` is one
 * "everyone", a topic named twice is read once, and repeated ids/emails/externalIds are looked up once.
 */
export interface SelectorSet {
  all: boolean;
  /** Distinct topic keys, in first-mention order. */
  topics: string[];
  /**
   * The topics whose subscribers must be read: those first mentioned before the first `all`. After an
   * `all` everyone is already a recipient, so a later topic only has to exist.
   */
  orderingTopics: string[];
  ids: string[];
  /** Lower-cased: emails match case-insensitively. */
  emails: string[];
  externalIds: string[];
}

/** Collects the distinct selectors of `to` (see {@link SelectorSet}). */
export function collectSelectors(to: Recipient[]): SelectorSet {
  const topics = new Set<string>();
  const orderingTopics = new Set<string>();
  const ids = new Set<string>();
  const emails = new Set<string>();
  const externalIds = new Set<string>();
  let all = false;
  for (const selector of to) {
    if ('all' in selector) all = true;
    else if ('topic' in selector) {
      topics.add(selector.topic);
      if (!all) orderingTopics.add(selector.topic);
    } else if ('userId' in selector) ids.add(selector.userId);
    else if ('email' in selector) emails.add(selector.email.toLowerCase());
    else externalIds.add(selector.externalId);
  }
  return { all, topics: [...topics], orderingTopics: [...orderingTopics], ids: [...ids], emails: [...emails], externalIds: [...externalIds] };
}

/** What the reads for a SelectorSet found. */
export interface FoundSelectors {
  /** Every user, oldest first; undefined when `all` was not read (not named, or only counted). */
  everyone: TemplateRecipient[] | undefined;
  byId: Map<string, TemplateRecipient>;
  /** Keyed by lower-cased email. */
  byEmail: Map<string, TemplateRecipient>;
  byExternalId: Map<string, TemplateRecipient>;
  /** Topic key → id, for the topics that exist. */
  topicIds: Map<string, string>;
  /** Topic key → subscriber user ids in subscription order (the ordering topics only). */
  subscribers: Map<string, string[]>;
}

/**
 * Walks `to` once, in order: the distinct recipients in first-mention order (an `all` adds everyone not
 * yet in, oldest first; a topic its subscribers in subscription order), and one 422 detail per entry
 * that names no one (`to.2.email`), repeated entries included, so the caller can fix each.
 */
export function assembleRecipients(to: Recipient[], found: FoundSelectors): { recipients: TemplateRecipient[]; unknown: ApiErrorDetail[] } {
  const resolved = new Map<string, TemplateRecipient>();
  const add = (user: TemplateRecipient) => {
    if (!resolved.has(user.id)) resolved.set(user.id, user);
  };
  const unknown: ApiErrorDetail[] = [];
  const topicsDone = new Set<string>();
  let everyoneDone = false;
  for (const [index, selector] of to.entries()) {
    if ('all' in selector) {
      if (!everyoneDone) for (const user of found.everyone ?? []) add(user);
      everyoneDone = true;
    } else if ('topic' in selector) {
      if (!found.topicIds.has(selector.topic)) unknown.push({ path: `to.${index}.topic`, message: 'No topic with this key' });
      else if (!everyoneDone && !topicsDone.has(selector.topic)) {
        topicsDone.add(selector.topic);
        for (const userId of found.subscribers.get(selector.topic) ?? []) {
          const user = found.byId.get(userId);
          if (user) add(user); // deleted between the two reads: not a recipient
        }
      }
    } else {
      const [field, user] =
        'userId' in selector ? (['userId', found.byId.get(selector.userId)] as const)
        : 'email' in selector ? (['email', found.byEmail.get(selector.email.toLowerCase())] as const)
        : (['externalId', found.byExternalId.get(selector.externalId)] as const);
      if (user) add(user);
      else unknown.push({ path: `to.${index}.${field}`, message: `No user with this ${field === 'userId' ? 'id' : field}` });
    }
  }
  return { recipients: [...resolved.values()], unknown };
}
