import { z } from 'zod';
import { MAX_CURSOR_TIME_MS, rowIdSchema, timeIdCursorSchema } from './cursors.js';

// The audit log (issue 12 §3): every change an admin or an API key makes, append-only.

/** Who made a change: a signed-in admin, a service's API key, or the system itself (command-line tools). */
export const AUDIT_ACTOR_TYPES = ['user', 'api_key', 'system'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** What a change was made to (`targetType`); the target's id is a row id, or a key for categories, topics and channels. */
export const AUDIT_TARGET_TYPES = ['api_key', 'user_token_secret', 'user', 'invitation', 'category', 'topic', 'send', 'delivery', 'channel', 'webhook_endpoint'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/**
 * Every action the audit log records, `<target type>.<verb>`. Values of a person's data (email, name, phone,
 * external id, preferences) never go into an event's before/after, only the names of the fields that
 * changed: the log outlives the person (erasing them leaves it whole, see `user.erased`).
 */
export const AUDIT_ACTIONS = [
  'api_key.created',
  'api_key.revoked',
  'user_token_secret.created',
  'user_token_secret.rotated',
  'user_token_secret.revoked',
  'user.created',
  'user.updated',
  'user.role_changed',
  'user.external_id_changed',
  'user.preferences_updated',
  'user.contact_updated',
  'user.exported',
  'user.erased',
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'category.created',
  'category.updated',
  'topic.created',
  'topic.subscribed',
  'topic.unsubscribed',
  'send.created',
  'send.cancelled',
  'delivery.retried',
  'channel.updated',
  'webhook_endpoint.created',
  'webhook_endpoint.updated',
  'webhook_endpoint.secret_rotated',
  'webhook_endpoint.deleted',
  'webhook_endpoint.disabled',
  'webhook_message.resent',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The actions an `action` filter names: the action itself, or every action under a dotted prefix (`user`
 * and `user.` name all `user.*` actions, never `user_token_secret.*`).
 *
 * @example
 * actionsMatching('api_key'); // ['api_key.created', 'api_key.revoked']
 */
export function actionsMatching(prefix: string): AuditAction[] {
  const stem = prefix.endsWith('.') ? prefix.slice(0, -1) : prefix;
  return AUDIT_ACTIONS.filter((action) => action === stem || action.startsWith(`${stem}.`));
}

/** One audit event as the admin page and `GET /api/v1/audit` show it. */
export interface AuditEventDto {
  id: string;
  /** When it happened (ISO 8601). */
  at: string;
  /** Who, with their label at the time (an admin's email, an API key's name), which later renames do not change. */
  actor: { type: AuditActorType; id: string | null; label: string };
  /** A dotted verb, one of AUDIT_ACTIONS (a newer server may record others). */
  action: string;
  target: { type: string; id: string } | null;
  ip: string | null;
  userAgent: string | null;
  /** For settings: the changed values before and after (JSON objects); for others, what the event needs to say. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  traceId: string | null;
}

export interface AuditEventPage {
  items: AuditEventDto[];
  nextCursor: string | null;
}

const instantSchema = z.iso
  .datetime({ offset: true })
  .refine((value) => Date.parse(value) <= MAX_CURSOR_TIME_MS, 'Must be before the year 10000')
  .meta({ description: 'ISO 8601 date-time' });

/** An id or key a target has: row ids, category and topic keys, channel names. */
const targetIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, 'Must be an id or key (letters, digits, ".", "_", ":", "-")');

/**
 * Query of `GET /api/admin/audit` and `GET /api/v1/audit`: newest first, each filter narrowing. `action` is
 * an action or a dotted prefix of some (`user` for every `user.*`); `from` is inclusive, `to` exclusive.
 */
export const listAuditQuerySchema = z
  .strictObject({
    actorId: rowIdSchema.optional().meta({ description: 'The admin user id or API key id that acted' }),
    action: z
      .string()
      .max(100)
      .refine((value) => actionsMatching(value).length > 0, 'Must be an audit action or a prefix of some (e.g. "user" or "api_key.created")')
      .optional(),
    targetType: z.enum(AUDIT_TARGET_TYPES).optional(),
    targetId: targetIdSchema.optional(),
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    cursor: timeIdCursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((query) => !(query.from && query.to) || Date.parse(query.from) <= Date.parse(query.to), {
    path: ['to'],
    message: 'Must not be before "from"',
  });
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;
