import type { WebhookEndpointDto, WebhookEventType, WebhookMessageDto, WebhookMessageStatus } from '../../shared/schemas/webhooks.js';

/** The `eventTypes` column (",a,b,") → its list. */
function parseEventTypes(column: string): WebhookEventType[] {
  return column.split(',').filter((type) => type !== '') as WebhookEventType[];
}

/** A list of event types → the `eventTypes` column, a comma at each end so `contains: ",type,"` matches one type. */
export function eventTypesColumn(types: readonly WebhookEventType[]): string {
  return `,${types.join(',')},`;
}

/** WebhookEndpoint row → DTO: never its secret. */
export function presentWebhookEndpoint(row: {
  id: string;
  url: string;
  description: string;
  eventTypes: string;
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: Date;
  updatedAt: Date;
}): WebhookEndpointDto {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: parseEventTypes(row.eventTypes),
    enabled: row.enabled,
    disabledReason: row.disabledReason === 'failures' ? 'failures' : null,
    consecutiveFailures: row.consecutiveFailures,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** WebhookMessage row → a line of the delivery log (not its payload). */
export function presentWebhookMessage(row: {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
}): WebhookMessageDto {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType as WebhookEventType,
    status: row.status as WebhookMessageStatus,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
