import type { Recipient } from '@shared/schemas/notification';

/** A send's `to` in words: "Everyone", "Topic release-notes", "3 users", "ann@example.com"… */
export function describeRecipients(to: Recipient[]): string {
  if (to.some((recipient) => 'all' in recipient)) return 'Everyone';
  const parts: string[] = [];
  const userIds = to.filter((recipient) => 'userId' in recipient).length;
  if (userIds > 0) parts.push(userIds === 1 ? '1 user' : `${userIds} users`);
  for (const recipient of to) {
    if ('topic' in recipient) parts.push(`Topic “${recipient.topic}”`);
    else if ('email' in recipient) parts.push(recipient.email);
    else if ('externalId' in recipient) parts.push(`External id ${recipient.externalId}`);
  }
  return parts.join(', ') || '—';
}
