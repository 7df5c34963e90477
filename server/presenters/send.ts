import type { SendDto, SendRecipientDto } from '../../shared/schemas/sends.js';
import type { ActionCount } from '../../shared/schemas/actions.js';
import type { SendStatus } from '../../shared/types.js';
import { specFromColumns, type SpecColumns } from '../services/sends/sendSpec.js';

export type SendRowWithSender = SpecColumns & {
  id: string;
  status: string;
  createdAt: Date;
  scheduledAt: Date | null;
  sentAt: Date | null;
  cancelledAt: Date | null;
  recipientCount: number;
  /** Reads and answers (JSON { action id: count }) of recipients erased since (GDPR): added to the live counts. */
  erasedReadCount: number;
  erasedActionCounts: string | null;
  lastError: string | null;
  apiKeyId: string | null;
  createdById: string | null;
  apiKey: { name: string } | null;
  createdBy: { name: string } | null;
};

/** Prisma `include` that loads what presentSend needs. */
export const sendSenderInclude = { apiKey: { select: { name: true } }, createdBy: { select: { name: true } } } as const;

/**
 * Send row → DTO; `readCount` comes from a separate count of the notifications, and so do the recipients per
 * action taken (`acted`: action id → count; an id no longer among the send's actions is not shown); the
 * erased recipients' reads and answers, frozen on the row, are added to both.
 */
export function presentSend(row: SendRowWithSender, readCount: number, acted: ReadonlyMap<string, number> = new Map()): SendDto {
  const spec = specFromColumns(row);
  const erasedActs = row.erasedActionCounts ? (JSON.parse(row.erasedActionCounts) as Record<string, number>) : {};
  return {
    id: row.id,
    status: row.status as SendStatus,
    createdAt: row.createdAt.toISOString(),
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    sender: row.apiKeyId || !row.createdById
      ? { type: 'api_key', id: row.apiKeyId, name: row.apiKey?.name ?? null }
      : { type: 'admin', id: row.createdById, name: row.createdBy?.name ?? null },
    to: spec.to,
    category: spec.category,
    priority: spec.priority,
    title: spec.title,
    body: spec.body,
    actionUrl: spec.actionUrl,
    icon: spec.icon,
    actions: spec.actions,
    channels: spec.channels,
    recipientCount: row.recipientCount,
    readCount: readCount + row.erasedReadCount,
    actionCounts: spec.actions.map((a): ActionCount => ({ id: a.id, label: a.label, count: (acted.get(a.id) ?? 0) + (erasedActs[a.id] ?? 0) })),
    lastError: row.lastError,
  };
}

/** A recipient's notification of a send → DTO. */
export function presentSendRecipient(row: {
  id: string;
  readAt: Date | null;
  seenAt: Date | null;
  archivedAt: Date | null;
  actedActionId: string | null;
  actedAt: Date | null;
  user: { id: string; name: string; email: string };
}): SendRecipientDto {
  return {
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    notificationId: row.id,
    readAt: row.readAt?.toISOString() ?? null,
    seenAt: row.seenAt?.toISOString() ?? null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    actedActionId: row.actedActionId,
    actedAt: row.actedAt?.toISOString() ?? null,
  };
}
