import { randomUUID } from 'node:crypto';
import type { OutgoingMessage } from '../../server/channels/types.js';

type Overrides = {
  deliveryId?: string;
  attempt?: number;
  notification?: Partial<OutgoingMessage['notification']>;
  recipient?: Partial<OutgoingMessage['recipient']>;
};

/**
 * What the delivery worker hands a channel, with test defaults (a fresh delivery id, a normal-priority
 * `general` notification to Alice).
 *
 * @example
 * await channel.send(buildOutgoingMessage({ notification: { priority: 'critical' }, recipient: { id: alice.id } }));
 */
export function buildOutgoingMessage(overrides: Overrides = {}): OutgoingMessage {
  return {
    deliveryId: overrides.deliveryId ?? `dlv_${randomUUID()}`,
    attempt: overrides.attempt ?? 1,
    notification: {
      id: `ntf_${randomUUID()}`,
      category: 'general',
      priority: 'normal',
      title: 'Build finished',
      body: 'All 312 checks passed.',
      actionUrl: null,
      icon: null,
      actions: [],
      createdAt: new Date('2026-11-21T09:30:00Z'),
      ...overrides.notification,
    },
    recipient: {
      id: `usr_${randomUUID()}`,
      name: 'Alice Example',
      email: 'alice@example.com',
      phone: '+14155550123',
      locale: 'en',
      timezone: 'UTC',
      ...overrides.recipient,
    },
  };
}
