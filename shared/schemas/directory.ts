import { z } from 'zod';
import { API_KEY_SCOPES, CHANNELS, ROLES, type ApiKeyScope, type Channel, type Role } from '../types.js';
import { idCursorSchema, timeIdCursorSchema } from './cursors.js';
import { categoryKeySchema, externalIdSchema, topicKeySchema } from './notification.js';
import { iconSchema } from './actions.js';
import { escalationLadderSchema, localeSchema, type EscalationStep } from './preferences.js';

// Users, API keys, categories and topics: the "directory" admins and services manage.

/** Body of `PUT /api/v1/users/{externalId}`: upserts a recipient known to the calling system. */
export const upsertUserSchema = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'Must be an E.164 number like +14155550123')
    .nullable()
    .optional(),
  /**
   * Their Slack member id in the workspace of SLACK_BOT_TOKEN (`U…` or `W…`); null clears it. Left unset, the
   * Slack channel finds it from the email once (`users.lookupByEmail`).
   */
  slackUserId: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,20}$/, 'Must be a Slack member id like U024BE7LH')
    .nullable()
    .optional(),
  /**
   * Their Microsoft Teams incoming webhook / Power Automate Workflows URL: each Teams notification is an
   * Adaptive Card posted there. https to a public host (port 443) only, checked by the server against its
   * outbound rules (a refusal is a 400 naming this field); null clears it.
   */
  teamsWebhookUrl: z.string().min(1).max(2048).nullable().optional(),
  timezone: z
    .string()
    .max(64)
    .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', 'Must be an IANA time zone like Europe/Paris')
    .optional(),
  locale: localeSchema.optional(),
});
export type UpsertUserInput = z.infer<typeof upsertUserSchema>;

/** A user as services and admins see them. */
export interface UserDto {
  id: string;
  externalId: string | null;
  email: string;
  name: string;
  role: Role;
  phone: string | null;
  /** Slack member id (given, or found from the email by the Slack channel), or null. */
  slackUserId: string | null;
  /** Their Teams incoming webhook / Workflows URL, or null. */
  teamsWebhookUrl: string | null;
  timezone: string;
  locale: string;
  createdAt: string;
}

/** Query of `GET /api/admin/users`: search matches email, name or externalId. */
export const listUsersQuerySchema = z.strictObject({
  search: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional(),
  cursor: timeIdCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export interface UserPage {
  items: UserDto[];
  nextCursor: string | null;
  /** Users matching the filters (for "N users" labels). */
  total: number;
}

/** Body of `PATCH /api/admin/users/{id}`. */
export const updateUserRoleSchema = z.strictObject({ role: z.enum(ROLES) });

/**
 * Body of `PUT /api/admin/users/{id}/external-id`: links a user (e.g. one who accepted an invitation) to the id
 * a host app knows them by, so its user tokens and `/api/v1/users/{externalId}` reach them; `null` unlinks.
 */
export const setUserExternalIdSchema = z.strictObject({ externalId: externalIdSchema.nullable() });

/** Body of `POST /api/admin/api-keys` (and of `npm run apikey:create`). */
export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** An API key in lists: never its secret. */
export interface ApiKeyDto {
  id: string;
  name: string;
  /** The secret's visible start, e.g. `fn_Zx81bQ`. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Answer of `GET /api/admin/api-keys`. */
export interface ApiKeyList {
  items: ApiKeyDto[];
}

/** Answer of creating a key: the only time the secret is shown. */
export interface CreatedApiKey {
  apiKey: ApiKeyDto;
  secret: string;
}

/** The longest retention a category may set: 100 years (longer is "forever": 0). */
export const CATEGORY_RETENTION_MAX_DAYS = 36_500;

const categoryFields = {
  label: z.string().trim().min(1).max(100),
  description: z.string().max(500),
  critical: z.boolean(),
  defaultChannels: z.array(z.enum(CHANNELS)).min(1),
  /** For critical notifications that stay unread: e.g. push at 0 min → email at 5 → SMS at 15. */
  escalation: escalationLadderSchema,
  /** Default icon of its notifications that name none; null clears it. */
  icon: iconSchema.nullable(),
  /** Days its notifications are kept; null: the server's default (NOTIFICATION_RETENTION_DAYS); 0: forever. */
  retentionDays: z.number().int().min(0).max(CATEGORY_RETENTION_MAX_DAYS).nullable(),
};

/** Body of `POST /api/admin/categories`. */
export const createCategorySchema = z.strictObject({
  key: categoryKeySchema,
  label: categoryFields.label,
  description: categoryFields.description.default(''),
  critical: categoryFields.critical.default(false),
  defaultChannels: categoryFields.defaultChannels.default(['in_app']),
  escalation: categoryFields.escalation.default([]),
  icon: categoryFields.icon.default(null),
  retentionDays: categoryFields.retentionDays.default(null),
});
export type CreateCategoryInput = z.infer<typeof createCategorySchema>;

/** Body of `PATCH /api/admin/categories/{key}`: only the fields sent change (no defaults here). */
export const updateCategorySchema = z.strictObject(categoryFields).partial();
export type UpdateCategoryInput = z.infer<typeof updateCategorySchema>;

/** Answer of `GET /api/admin/categories`. */
export interface CategoryList {
  items: CategoryDto[];
}

export interface CategoryDto {
  key: string;
  label: string;
  description: string;
  critical: boolean;
  defaultChannels: Channel[];
  escalation: EscalationStep[];
  icon: string | null;
  /** Days its notifications are kept; null: the server's default; 0: forever. */
  retentionDays: number | null;
}

/** Body of `POST /api/v1/topics` and `POST /api/admin/topics`. */
export const createTopicSchema = z.strictObject({
  key: topicKeySchema,
  name: z.string().trim().min(1).max(100),
});
export type CreateTopicInput = z.infer<typeof createTopicSchema>;

export interface TopicDto {
  key: string;
  name: string;
  subscriberCount: number;
  createdAt: string;
}

/** Answer of `GET /api/v1/topics` and `GET /api/admin/topics`. */
export interface TopicList {
  items: TopicDto[];
}

/** One page of `GET /api/admin/topics/{key}/subscribers`. */
export interface TopicSubscriberPage {
  items: UserDto[];
  nextCursor: string | null;
}

/**
 * Body of `POST` / `DELETE /api/v1/topics/{key}/subscribers`: the users to (un)subscribe, by our id or
 * by the calling system's externalId.
 */
export const topicSubscribersSchema = z.strictObject({
  subscribers: z
    .array(z.union([z.strictObject({ userId: z.string().min(1).max(64) }), z.strictObject({ externalId: z.string().min(1).max(128) })]))
    .min(1)
    .max(1000),
});
export type TopicSubscribersInput = z.infer<typeof topicSubscribersSchema>;

/** Query of `GET /api/admin/topics/{key}/subscribers`: the cursor is a user id from the previous page. */
export const listTopicSubscribersQuerySchema = z.strictObject({
  cursor: idCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** Answer of (un)subscribing. */
export interface TopicSubscribersResult {
  topic: string;
  changed: number;
  subscriberCount: number;
}

/** Path parameters of `…/topics/{key}…`. */
export const topicPathSchema = z.strictObject({ key: topicKeySchema });

/** Path parameters of `/api/v1/users/{externalId}`. */
export const userPathSchema = z.strictObject({ externalId: externalIdSchema });
