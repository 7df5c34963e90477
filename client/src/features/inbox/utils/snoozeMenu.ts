import type { NotificationDto } from '@shared/schemas/notification';

/**
 * Whether a row offers the snooze menu, so the `s` key does what its buttons allow: "Snooze" on an active row,
 * "Change" on a snoozed one; an archived row that is not snoozed has neither (archived is out of the inbox
 * already: there is nothing to snooze it from).
 *
 * @example
 * offersSnoozeMenu({ ...item, archivedAt: '2026-03-04T10:00:00.000Z', snoozedUntil: null }) // false
 */
export function offersSnoozeMenu(item: Pick<NotificationDto, 'archivedAt' | 'snoozedUntil'>): boolean {
  return item.snoozedUntil !== null || item.archivedAt === null;
}
