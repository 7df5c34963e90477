import type { Recipient } from '../../../shared/schemas/notification.js';
import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';

/**
 * Turns `to` selectors into distinct user ids, in first-mention order.
 * An unknown user id or email is a 422 naming each offending entry (`to.2.email`), so a caller never
 * believes a notification went to someone who does not exist.
 */
export async function resolveRecipients(db: Db, to: Recipient[]): Promise<string[]> {
  const ids = to.flatMap((r) => ('userId' in r ? [r.userId] : []));
  const emails = to.flatMap((r) => ('email' in r ? [r.email.toLowerCase()] : []));
  const users = await db.user.findMany({
    where: { OR: [{ id: { in: ids } }, { email: { in: emails } }] },
    select: { id: true, email: true },
  });
  const byId = new Set(users.map((u) => u.id));
  const idByEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));

  const resolved = new Set<string>();
  const unknown: { path: string; message: string }[] = [];
  to.forEach((recipient, index) => {
    if ('userId' in recipient) {
      if (byId.has(recipient.userId)) resolved.add(recipient.userId);
      else unknown.push({ path: `to.${index}.userId`, message: 'No user with this id' });
    } else {
      const id = idByEmail.get(recipient.email.toLowerCase());
      if (id) resolved.add(id);
      else unknown.push({ path: `to.${index}.email`, message: 'No user with this email' });
    }
  });
  if (unknown.length > 0) {
    throw new HttpError(422, 'unknown_recipient', 'Some recipients do not exist', unknown);
  }
  return [...resolved];
}
