import { randomUUID } from 'node:crypto';
import type { WebhookEventType } from '../../shared/schemas/webhooks.js';

/** A WebhookMessage as it is first written (pending, no attempt yet). */
export interface NewWebhookMessage {
  id: string;
  eventId: string;
  endpointId: string;
  eventType: WebhookEventType;
  payload: string;
  nextAttemptAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** An enabled endpoint as enqueueing reads it: its id and its `eventTypes` column (",a,b,"). */
export interface WebhookSubscriber {
  id: string;
  eventTypes: string;
}

/**
 * The outbox rows of one event: one per endpoint of `subscribers` that takes `type`, all with the same new
 * event id (`webhook-id`: `msg_` + 32 hex digits) and the same body, `{ type, timestamp, data }` (Standard
 * Webhooks' recommended shape; `timestamp` ISO 8601). Message id: event id + `_` + endpoint id.
 */
export function webhookMessageRows(
  subscribers: readonly WebhookSubscriber[],
  type: WebhookEventType,
  data: Record<string, unknown>,
  now: Date,
): NewWebhookMessage[] {
  const endpoints = subscribers.filter((s) => s.eventTypes.includes(`,${type},`));
  if (endpoints.length === 0) return [];
  const eventId = `msg_${randomUUID().replaceAll('-', '')}`;
  const payload = JSON.stringify({ type, timestamp: now.toISOString(), data });
  return endpoints.map((endpoint) => ({
    id: `${eventId}_${endpoint.id}`,
    eventId,
    endpointId: endpoint.id,
    eventType: type,
    payload,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  }));
}
