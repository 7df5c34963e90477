import type { NotificationDto } from '../../shared/schemas/notification.js';
import type { Priority } from '../../shared/types.js';
import type { NotificationAction } from '../../shared/schemas/actions.js';

/** The columns a notification DTO is built from (a Prisma row or a raw-SQL row). */
export interface NotificationRow {
  id: string;
  seq: number;
  category: string;
  priority: string;
  title: string;
  body: string;
  actionUrl: string | null;
  icon: string | null;
  /** JSON array or null (none). */
  actions: string | null;
  actedActionId: string | null;
  actedAt: Date | null;
  data: string | null;
  createdAt: Date;
  seenAt: Date | null;
  readAt: Date | null;
  archivedAt: Date | null;
  /** Snooze (issue 11): absent where it cannot be set (a new notification, the replay, which skips snoozed ones). */
  snoozedUntil?: Date | null;
  /** Optional: rows built on the ingest path are new, neither pinned nor deleted. */
  pinnedAt?: Date | null;
  deletedAt?: Date | null;
}

/** Row → DTO. REST lists and socket events use this one function, so both always agree. */
export function presentNotification(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    seq: row.seq,
    category: row.category,
    priority: row.priority as Priority,
    title: row.title,
    body: row.body,
    actionUrl: row.actionUrl,
    icon: row.icon,
    actions: row.actions ? (JSON.parse(row.actions) as NotificationAction[]) : [],
    actedActionId: row.actedActionId,
    actedAt: row.actedAt?.toISOString() ?? null,
    data: row.data ? (JSON.parse(row.data) as Record<string, unknown>) : null,
    createdAt: row.createdAt.toISOString(),
    seenAt: row.seenAt?.toISOString() ?? null,
    readAt: row.readAt?.toISOString() ?? null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
    pinnedAt: row.pinnedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}
