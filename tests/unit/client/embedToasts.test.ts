/**
 * Which notifications the custom element toasts (client/src/embed/toastPolicy.ts), by the app's rule:
 * live ones each, replayed ones summed up once the replay is over, archived ones never.
 */
import { describe, expect, it } from 'vitest';
import { ToastPolicy, type ToastRequest } from '../../../client/src/embed/toastPolicy.js';
import { notificationDto } from '../../helpers/notificationDto.js';

const item = notificationDto;

function policy() {
  const shown: ToastRequest[] = [];
  return { shown, policy: new ToastPolicy((toast) => shown.push(toast)) };
}

describe('ToastPolicy', () => {
  it('toasts each live notification at once, never an archived one', () => {
    const { shown, policy: toasts } = policy();
    toasts.received(item(1), false);
    toasts.received(item(2, { archivedAt: '2026-01-01T00:00:01.000Z' }), false);
    expect(shown).toEqual([{ notification: item(1) }]);
    toasts.caughtUp();
    expect(shown).toHaveLength(1);
  });

  it('sums up a replay in one toast when it is over, counting the unread critical ones', () => {
    const { shown, policy: toasts } = policy();
    toasts.received(item(1), true);
    toasts.received(item(2, { priority: 'critical' }), true);
    toasts.received(item(3, { priority: 'critical', readAt: '2026-01-01T00:00:01.000Z' }), true);
    toasts.received(item(4, { archivedAt: '2026-01-01T00:00:01.000Z' }), true);
    expect(shown).toEqual([]);
    toasts.caughtUp();
    expect(shown).toEqual([{ count: 3, critical: 1 }]);
    // The next replay starts from zero; one that brought nothing new shows nothing.
    toasts.caughtUp();
    toasts.received(item(5), true);
    toasts.reset();
    toasts.caughtUp();
    expect(shown).toHaveLength(1);
  });
});
