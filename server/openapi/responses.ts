import { z } from 'zod';
import type { ApiErrorBody } from '../../shared/errors.js';
import type { TopicDto, TopicSubscribersResult, UserDto } from '../../shared/schemas/directory.js';
import { channelOverridesSchema, recipientSchema, type CreateNotificationResult } from '../../shared/schemas/notification.js';
import { EMAIL_DIGEST_MODES, type PreferencesDto } from '../../shared/schemas/preferences.js';
import type { SendDto } from '../../shared/schemas/sends.js';
import { notificationActionDtoSchema } from './inboxResponses.js';
import { CHANNELS, PRIORITIES, ROLES, SEND_STATUSES } from '../../shared/types.js';

// The response DTOs are TypeScript interfaces in shared/; these zod mirrors exist only to document them.
// The `Same<…>` checks at the bottom fail the type-check the moment a mirror drifts from its interface.

const timestamp = z.iso.datetime().meta({ description: 'ISO 8601 UTC timestamp' });

/** `ApiErrorBody`: every 4xx/5xx on `/api`. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable snake_case id, e.g. `validation_failed`, `rate_limited`' }),
      message: z.string(),
      details: z
        .array(z.object({ path: z.string().meta({ description: 'Dotted field path, e.g. `to.0.email`' }), message: z.string() }))
        .optional(),
    }),
  })
  .meta({ id: 'Error' });

/** `UserDto`. */
export const userDtoSchema = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    phone: z.string().nullable(),
    slackUserId: z.string().nullable().meta({ description: 'Slack member id (given, or found from the email by the Slack channel)' }),
    teamsWebhookUrl: z.string().nullable().meta({ description: 'Microsoft Teams incoming webhook / Workflows URL the Teams channel posts Adaptive Cards to' }),
    timezone: z.string(),
    locale: z.string().meta({ description: 'The language emails, SMS and push are written in (BCP 47; a language without a catalog gets English)' }),
    createdAt: timestamp,
  })
  .meta({ id: 'User' });

/** `TopicDto`. */
export const topicDtoSchema = z
  .object({ key: z.string(), name: z.string(), subscriberCount: z.number().int(), createdAt: timestamp })
  .meta({ id: 'Topic' });

/** Answer of `GET /api/v1/topics`. */
export const topicListSchema = z.object({ items: z.array(topicDtoSchema) }).meta({ id: 'TopicList' });

/** `TopicSubscribersResult`. */
export const topicSubscribersResultSchema = z
  .object({
    topic: z.string(),
    changed: z.number().int().meta({ description: 'Subscriptions actually added or removed (repeats are no-ops)' }),
    subscriberCount: z.number().int(),
  })
  .meta({ id: 'TopicSubscribersResult' });

/** `CreateNotificationResult` (202). */
export const createNotificationResultSchema = z
  .object({
    sendId: z.string(),
    status: z.enum(SEND_STATUSES),
    recipientCount: z.number().int(),
    scheduledAt: timestamp.nullable(),
    notificationIds: z.array(z.string()).meta({ description: 'Empty while the send is scheduled' }),
  })
  .meta({ id: 'CreateNotificationResult' });

/** `SendDto`. */
export const sendDtoSchema = z
  .object({
    id: z.string(),
    status: z.enum(SEND_STATUSES),
    createdAt: timestamp,
    scheduledAt: timestamp.nullable(),
    sentAt: timestamp.nullable(),
    cancelledAt: timestamp.nullable(),
    sender: z.object({ type: z.enum(['admin', 'api_key']), id: z.string().nullable(), name: z.string().nullable() }),
    to: z.array(recipientSchema),
    category: z.string(),
    priority: z.enum(PRIORITIES),
    title: z.string(),
    body: z.string(),
    actionUrl: z.string().nullable(),
    icon: z.string().nullable(),
    actions: z.array(notificationActionDtoSchema),
    channels: channelOverridesSchema.nullable(),
    recipientCount: z.number().int(),
    readCount: z.number().int(),
    actionCounts: z
      .array(z.object({ id: z.string(), label: z.string(), count: z.number().int() }))
      .meta({
        description: 'Per action, in order: how many recipients took it (each recipient answers once)',
        example: [{ id: 'approve', label: 'Approve', count: 3 }, { id: 'view', label: 'View request', count: 1 }],
      }),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'Send' });

const hhmm = z.string().meta({ description: '"HH:MM", 24-hour, in the user\'s timezone' });

/** `PreferencesDto`. */
export const preferencesDtoSchema = z
  .object({
    channels: z
      .record(
        z.enum(CHANNELS),
        z.object({
          enabled: z.boolean().meta({ description: "The user's global switch for the channel" }),
          available: z.boolean().meta({ description: 'Has an address / consent / device, and the admins have not turned it off' }),
          reason: z.string().optional().meta({ description: 'Why it is unavailable, e.g. "Give SMS consent"' }),
        }),
      )
      .meta({ description: 'Per channel: global switch and reachability' }),
    categories: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        description: z.string(),
        critical: z.boolean(),
        channels: z.record(
          z.enum(CHANNELS),
          z.object({
            enabled: z.boolean(),
            locked: z.boolean().meta({ description: 'Critical categories: cannot be changed' }),
            isDefault: z.boolean().meta({ description: 'True while the admin-set category default applies' }),
            reason: z.string().optional(),
          }),
        ),
        emailDigest: z.enum(EMAIL_DIGEST_MODES),
      }),
    ).meta({ description: 'Every category, by key' }),
    quietHours: z.object({ start: hhmm, end: hhmm }).nullable(),
    timezone: z.string(),
    locale: z.string().nullable().meta({ description: 'The language chosen for this user (a catalog: en, fr); null: the browser they last used the app with' }),
    digestTime: hhmm,
    contact: z.object({
      email: z.string(),
      phone: z.string().nullable(),
      smsConsent: z.object({ at: timestamp, source: z.string().meta({ description: 'How consent was given: "preferences page", "api"' }) }).nullable(),
      whatsappConsent: z
        .object({ at: timestamp, source: z.string().meta({ description: 'How consent was given: "preferences page", "api"' }) })
        .nullable()
        .meta({ description: 'WhatsApp consent on the same phone, separate from SMS consent (Meta requires an explicit opt-in)' }),
      pushDevices: z.number().int(),
    }),
  })
  .meta({ id: 'Preferences' });

/** True when A and B are the same type (not merely assignable one way). */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when T is `true`: `Assert<Same<A, B>>`. */
export type Assert<T extends true> = T;
/**
 * Fails the type check when a response schema and the interface in shared/ drift apart. Exported only so
 * the compiler keeps it; nothing imports it.
 *
 * @public
 */
export type MirrorsMatchInterfaces = [
  Assert<Same<z.infer<typeof errorBodySchema>, ApiErrorBody>>,
  Assert<Same<z.infer<typeof userDtoSchema>, UserDto>>,
  Assert<Same<z.infer<typeof topicDtoSchema>, TopicDto>>,
  Assert<Same<z.infer<typeof topicSubscribersResultSchema>, TopicSubscribersResult>>,
  Assert<Same<z.infer<typeof createNotificationResultSchema>, CreateNotificationResult>>,
  Assert<Same<z.infer<typeof sendDtoSchema>, SendDto>>,
  Assert<Same<z.infer<typeof preferencesDtoSchema>, PreferencesDto>>,
];
