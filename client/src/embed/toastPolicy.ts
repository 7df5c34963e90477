import type { NotificationDto } from '@shared/schemas/notification';

/** A toast to show: one live notification, or the summary of a reconnect's replay (`critical`: unread critical ones among `count`). */
export type ToastRequest = { notification: NotificationDto } | { count: number; critical: number };

/**
 * Which notifications get a toast, by the app's rule (features/realtime/utils/registerInboxHandlers.ts):
 * each live one gets its own; replayed ones (missed while disconnected) are counted and summed up in one
 * toast when the client says the replay is over (`caughtUp`); archived ones (in-app turned off) never.
 *
 * @example
 * const policy = new ToastPolicy((toast) => show(toast));
 * client.on('notification', (item, { replayed }) => policy.received(item, replayed));
 * client.on('caughtUp', () => policy.caughtUp());
 */
export class ToastPolicy {
  private count = 0;
  private critical = 0;

  constructor(private readonly show: (toast: ToastRequest) => void) {}

  /** A notification the client did not hold yet: live, or replayed after a reconnect. */
  received(notification: NotificationDto, replayed: boolean): void {
    if (notification.archivedAt !== null) return;
    if (!replayed) return this.show({ notification });
    this.count += 1;
    if (notification.priority === 'critical' && notification.readAt === null) this.critical += 1;
  }

  /** The replay (or a catch-up) is over: one summary of what it brought, if anything. */
  caughtUp(): void {
    const { count, critical } = this;
    this.reset();
    if (count > 0) this.show({ count, critical });
  }

  /** Forgets the replayed ones counted so far (the element restarts). */
  reset(): void {
    this.count = 0;
    this.critical = 0;
  }
}
