import { z } from 'zod';
import { AUDIT_ACTOR_TYPES, type AuditEventDto, type AuditEventPage } from '../../shared/schemas/audit.js';
import type { UserErasure } from '../../shared/schemas/gdpr.js';
import { notificationDtoSchema, pushDeviceSchema } from './inboxResponses.js';
import { preferencesDtoSchema, userDtoSchema, type Assert, type Same } from './responses.js';

// The audit log's and GDPR routes' response DTOs, mirrored in zod only to document them (as responses.ts
// does). The `Same<…>` checks at the bottom fail the type-check the moment a mirror drifts from its interface.

const timestamp = z.iso.datetime().meta({ description: 'ISO 8601 UTC timestamp' });
const count = z.number().int();

/** `AuditEventDto`. */
export const auditEventSchema = z
  .object({
    id: z.string(),
    at: timestamp,
    actor: z.object({
      type: z.enum(AUDIT_ACTOR_TYPES),
      id: z.string().nullable().meta({ description: "The admin's user id or the API key's id; null for the system" }),
      label: z.string().meta({ description: "As it was then: an admin's email, an API key's name" }),
    }),
    action: z.string().meta({ description: 'A dotted verb, e.g. `api_key.created`, `user.role_changed`, `channel.updated`, `user.erased`' }),
    target: z.object({ type: z.string(), id: z.string() }).nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable().meta({ description: 'Settings: the changed values before' }),
    after: z.record(z.string(), z.unknown()).nullable().meta({ description: 'Settings: the changed values after; other actions: what they need to say' }),
    requestId: z.string().nullable(),
    traceId: z.string().nullable().meta({ description: 'The OpenTelemetry trace id of the request (tracing on)' }),
  })
  .meta({ id: 'AuditEvent' });

/** Answer of `GET /api/v1/audit`. */
export const auditEventPageSchema = z
  .object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last' }) })
  .meta({ id: 'AuditEventPage' });

/** `UserErasure`. */
export const userErasureSchema = z
  .object({
    userId: z.string(),
    erased: z.object({
      notifications: count,
      deliveries: count,
      deliveryAttempts: count,
      devices: count,
      sessions: count,
      preferences: count,
      topicSubscriptions: count,
      invitations: count,
      outboxMessages: count,
      sendsAnonymised: count.meta({ description: 'Sends whose recipient list named the user by email or externalId, rewritten to their erased id' }),
    }),
  })
  .meta({ id: 'UserErasure' });

const item = (description: string) => z.array(z.looseObject({})).meta({ description });

/**
 * `UserExport`, its top level (the long arrays' items are described by the DTOs they are; not checked
 * against the interface: an export is read by people and archives, not parsed field by field).
 */
export const userExportSchema = z
  .object({
    exportedAt: timestamp,
    user: userDtoSchema.extend({
      updatedAt: timestamp,
      hasPassword: z.boolean(),
      localeChosen: z.boolean(),
      quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
      digestTime: z.string(),
    }),
    consents: z.object({
      sms: z.object({ at: timestamp, source: z.string().nullable() }).nullable(),
      whatsapp: z.object({ at: timestamp, source: z.string().nullable() }).nullable(),
      push: z.array(z.object({ deviceId: z.string(), at: timestamp })),
    }),
    preferences: preferencesDtoSchema,
    devices: z.array(pushDeviceSchema),
    sessions: item('Sign-in sessions: `userAgent`, `createdAt`, `lastSeenAt`, `expiresAt` (never the session id)'),
    topicSubscriptions: z.array(z.object({ topic: z.string(), name: z.string(), subscribedAt: timestamp })),
    invitations: item('Invitations to their email: `role`, `status` and their times'),
    digests: item('Digest emails: `period`, `periodKey`, `status`, `notificationCount`, `sentAt`'),
    notifications: z
      .array(notificationDtoSchema.extend({ sendId: z.string().nullable(), deliveries: item('Email, SMS and push deliveries with their `attemptLog`') }))
      .meta({ description: 'Oldest first, deleted ones included until purged' }),
    auditEvents: z.array(auditEventSchema).meta({ description: "Events they made or that were about them; another person's label is withheld ('')" }),
  })
  .meta({ id: 'UserExport' });

/**
 * Fails the type check when a response schema and the interface in shared/ drift apart. Exported only so
 * the compiler keeps it; nothing imports it.
 *
 * @public
 */
export type GdprMirrorsMatchInterfaces = [
  Assert<Same<z.infer<typeof auditEventSchema>, AuditEventDto>>,
  Assert<Same<z.infer<typeof auditEventPageSchema>, AuditEventPage>>,
  Assert<Same<z.infer<typeof userErasureSchema>, UserErasure>>,
];
