import type {
  AttemptOutcome,
  DeliveryDto,
  DeliveryStatus,
  ExternalChannelName,
  OutboxMessageDto,
} from '../../shared/schemas/delivery.js';
import type { Prisma } from '../generated/sqlite/client.js';

/** Prisma `include` that loads what presentDelivery needs: the attempts, the notification's title, the user's contact points. */
export const deliveryInclude = {
  // Chronological: an admin retry restarts the attempt count, so `attempt` alone would interleave the runs.
  attemptLog: { orderBy: [{ startedAt: 'asc' }, { attempt: 'asc' }] },
  notification: { select: { title: true } },
  user: { select: { email: true, name: true, phone: true } },
} satisfies Prisma.DeliveryInclude;

/** A Delivery row loaded with `deliveryInclude`. */
export interface DeliveryRow {
  id: string;
  notificationId: string;
  userId: string;
  channel: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  providerMessageId: string | null;
  lastError: string | null;
  escalationStep: number | null;
  deferredReason: string | null;
  createdAt: Date;
  sentAt: Date | null;
  attemptLog: {
    attempt: number;
    startedAt: Date;
    latencyMs: number;
    outcome: string;
    provider: string | null;
    providerMessageId: string | null;
    error: string | null;
  }[];
  notification: { title: string };
  user: { email: string; name: string; phone: string | null };
}

/** Statuses after which the worker never looks at a delivery again (unless an admin retries it). */
const SETTLED: ReadonlySet<string> = new Set(['sent', 'failed', 'dead', 'cancelled']);

/** Delivery row → DTO for the admin timeline. `nextAttemptAt` is null once nothing more will happen. */
export function presentDelivery(row: DeliveryRow): DeliveryDto {
  return {
    id: row.id,
    notificationId: row.notificationId,
    notificationTitle: row.notification.title,
    userId: row.userId,
    userEmail: row.user.email,
    userName: row.user.name,
    address: channelAddress(row.channel, row.user),
    channel: row.channel as ExternalChannelName,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: SETTLED.has(row.status) ? null : row.nextAttemptAt.toISOString(),
    providerMessageId: row.providerMessageId,
    lastError: row.lastError,
    escalationStep: row.escalationStep,
    deferredReason: row.deferredReason as DeliveryDto['deferredReason'],
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    attemptLog: row.attemptLog.map((attempt) => ({
      attempt: attempt.attempt,
      startedAt: attempt.startedAt.toISOString(),
      latencyMs: attempt.latencyMs,
      outcome: attempt.outcome as AttemptOutcome,
      provider: attempt.provider,
      providerMessageId: attempt.providerMessageId,
      error: attempt.error,
    })),
  };
}

/** The user's contact point a channel uses: an SMS or a WhatsApp message goes to the phone, never to the email address. */
function channelAddress(channel: string, user: DeliveryRow['user']): string | null {
  if (channel === 'email') return user.email;
  if (channel === 'sms' || channel === 'whatsapp') return user.phone;
  return null;
}

/** Dev-outbox row → DTO (headers and the delivery link stay server-side). */
export function presentOutboxMessage(row: {
  id: string;
  channel: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: Date;
}): OutboxMessageDto {
  return {
    id: row.id,
    channel: row.channel as OutboxMessageDto['channel'],
    to: row.to,
    subject: row.subject,
    text: row.text,
    html: row.html,
    createdAt: row.createdAt.toISOString(),
  };
}
