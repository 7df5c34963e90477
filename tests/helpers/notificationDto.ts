import type { NotificationDto } from '../../shared/schemas/notification.js';

/**
 * A notification as the API presents it, for client-side unit tests: id `n<seq>`, unread, normal
 * priority, created `seq` minutes after 2026-01-01T00:00Z; `patch` overrides any field.
 *
 * @example
 * const critical = notificationDto(3, { priority: 'critical' }); // id 'n3', createdAt 00:03
 */
export const notificationDto = (seq: number, patch: Partial<NotificationDto> = {}): NotificationDto => ({
  id: `n${seq}`,
  seq,
  category: 'general',
  priority: 'normal',
  title: `Item ${seq}`,
  body: '',
  actionUrl: null,
  icon: null,
  actions: [],
  actedActionId: null,
  actedAt: null,
  data: null,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
  seenAt: null,
  readAt: null,
  archivedAt: null,
  snoozedUntil: null,
  pinnedAt: null,
  deletedAt: null,
  ...patch,
});
