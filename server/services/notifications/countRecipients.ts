import type { Recipient } from '../../../shared/schemas/notification.js';
import type { Db } from '../../db/client.js';
import type { RawDatabase } from '../../db/rawDatabase.js';
import { HttpError } from '../../errors.js';
import { assembleRecipients, collectSelectors } from './recipientSelectors.js';
import { readSelectors } from './resolveRecipients.js';

/**
 * How many distinct people `to` reaches (the composer's audience preview), with the same 422 for unknown
 * entries as a send. When `to` names everyone, the answer is a count query: no user is loaded.
 */
export async function countRecipients(readers: { db: Db; raw: RawDatabase }, to: Recipient[]): Promise<number> {
  const selectors = collectSelectors(to);
  const found = await readSelectors(readers, selectors, { readEveryone: false });
  const { recipients, unknown } = assembleRecipients(to, found);
  if (unknown.length > 0) throw new HttpError(422, 'unknown_recipient', 'Some recipients do not exist', unknown);
  return selectors.all ? readers.db.user.count() : recipients.length;
}
