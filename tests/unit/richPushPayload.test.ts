import { describe, expect, it } from 'vitest';
import { buildPushPayloads, MAX_PAYLOAD_BYTES, type PushPayload } from '../../server/channels/push/pushPayload.js';
import type { OutgoingMessage } from '../../server/channels/types.js';
import type { NotificationAction } from '../../shared/schemas/actions.js';
import { ICON_URL_MAX } from '../../shared/urls.js';

// Rich push payloads (issue 11): the icon and the buttons fit the push budget whatever they hold.

const options = { publicUrl: 'https://notify.example.com', signingSecret: 'test-signing-secret' };
const message = (fields: { title?: string; body?: string; icon?: string | null; actions?: NotificationAction[] }): OutgoingMessage => ({
  deliveryId: 'd1',
  attempt: 1,
  notification: {
    id: '0b8f6a52-3c1e-4f7a-9a55-1b2c3d4e5f60',
    category: 'general',
    priority: 'normal',
    title: fields.title ?? 'T',
    body: fields.body ?? 'b',
    actionUrl: null,
    icon: fields.icon ?? null,
    actions: fields.actions ?? [],
    createdAt: new Date(),
  },
  recipient: { id: 'u1', name: 'U', email: 'u@example.com', phone: null, locale: 'en', timezone: 'UTC' },
});
const longest = (n: number): NotificationAction => ({ id: `a${n}`.padEnd(32, 'x'), label: '"'.repeat(40), kind: 'url', url: `https://example.com/${'"'.repeat(2020)}`, style: 'primary' });

describe('rich push payload', () => {
  it('carries the icon (a path resolved) and the buttons with their links', () => {
    const payload = JSON.parse(
      buildPushPayloads(message({ icon: '/icons/a.png', actions: [{ id: 'ok', label: 'OK', kind: 'acknowledge', style: 'primary' }, { id: 'go', label: 'Go', kind: 'url', url: '/x', style: 'secondary' }] }), options).full,
    ) as PushPayload;
    expect(payload.icon).toBe('https://notify.example.com/icons/a.png');
    expect(payload.actions).toEqual([
      { id: 'ok', label: 'OK', kind: 'acknowledge' },
      { id: 'go', label: 'Go', kind: 'url', url: 'https://notify.example.com/x' },
    ]);
  });

  it('leaves out a refused icon and any field at all when there are no buttons', () => {
    const payload = JSON.parse(buildPushPayloads(message({ icon: 'http://cdn.example.com/a.png' }), options).full) as PushPayload;
    expect(payload).not.toHaveProperty('icon');
    expect(payload).not.toHaveProperty('actions');
  });

  it('gives up the buttons’ links, then the icon, but never the buttons, to fit the budget', () => {
    const icon = `https://cdn.example.com/${'%22'.repeat((ICON_URL_MAX - 25) / 3)}`;
    const { full } = buildPushPayloads(message({ title: '"'.repeat(200), body: '"'.repeat(5000), icon, actions: [longest(1), longest(2)] }), options);
    expect(Buffer.byteLength(full)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const payload = JSON.parse(full) as PushPayload;
    expect(payload.actions?.map((a) => a.label)).toEqual(['"'.repeat(40), '"'.repeat(40)]);
    expect(payload.actions?.every((a) => a.url === undefined)).toBe(true);
    expect(payload.icon).toBe(icon);
  });
});
