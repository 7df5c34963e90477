import type { IntlShape } from 'react-intl';
import type { Recipient } from '@shared/schemas/notification';

/**
 * A send's `to` in words, in the reader's language: "Everyone", "3 users, Topic “release-notes” and
 * ann@example.com"…; a dash when empty.
 *
 * @example
 * describeRecipients(intl, [{ userId: 'u1' }, { topic: 'ops' }]); // "1 user and Topic “ops”"
 */
export function describeRecipients(intl: IntlShape, to: Recipient[]): string {
  if (to.some((recipient) => 'all' in recipient)) return intl.formatMessage({ id: 'admin.recipients.everyone' });
  const parts: string[] = [];
  const userIds = to.filter((recipient) => 'userId' in recipient).length;
  if (userIds > 0) parts.push(intl.formatMessage({ id: 'admin.recipients.users' }, { count: userIds }));
  for (const recipient of to) {
    if ('topic' in recipient) parts.push(intl.formatMessage({ id: 'admin.recipients.topic' }, { topic: recipient.topic }));
    else if ('email' in recipient) parts.push(recipient.email);
    else if ('externalId' in recipient) parts.push(intl.formatMessage({ id: 'admin.recipients.externalId' }, { id: recipient.externalId }));
  }
  return parts.length > 0 ? intl.formatList(parts, { type: 'conjunction' }) : '—';
}
