import type { AuditAction, AuditActorType, AuditTargetType } from '../../../shared/schemas/audit.js';
import type { Db, Tx } from '../../db/client.js';

/**
 * Who acted, and from where, as the audit log records it: built from the request by auditActor
 * (server/middleware/auditActor.ts), or SYSTEM_ACTOR for command-line tools.
 */
export interface AuditActor {
  type: AuditActorType;
  /** The admin's user id or the API key's id; null for the system. */
  id: string | null;
  /** Readable as it is now (an admin's email, a key's name): events keep it when the actor is renamed or deleted. */
  label: string;
  ip?: string | null;
  userAgent?: string | null;
  /** The request's id in the logs (pino-http), when logging is on. */
  requestId?: string | null;
  /** The request's OpenTelemetry trace id, when tracing is on. */
  traceId?: string | null;
}

/** The actor of command-line tools (`npm run apikey:create`, …). */
export const SYSTEM_ACTOR: AuditActor = { type: 'system', id: null, label: 'command line' };

/** What happened, to what; `before`/`after` as JSON objects (settings: the changed values; never a person's data). */
export interface AuditEntry {
  action: AuditAction;
  target?: { type: AuditTargetType; id: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** A client or a transaction: an event goes into the change's own transaction when the change has one. */
type AuditWriter = Pick<Db | Tx, 'auditEvent'>;

/** One event's columns but its id and time (the database's defaults), as appendAuditEvent writes them; raw SQL writers (the send writer) too. */
export type AuditEventColumns = ReturnType<typeof auditEventColumns>;

/**
 * The columns of one event, but its id and time: for appendAuditEvent, and for the send writer, which writes a
 * new send's `send.created` in its own group commit with raw SQL (commitSends).
 */
export const auditEventColumns = (actor: AuditActor, entry: AuditEntry) => ({
  actorType: actor.type,
  actorId: actor.id,
  actorLabel: actor.label,
  action: entry.action,
  targetType: entry.target?.type ?? null,
  targetId: entry.target?.id ?? null,
  ip: actor.ip ?? null,
  userAgent: actor.userAgent ?? null,
  requestId: actor.requestId ?? null,
  traceId: actor.traceId ?? null,
  before: entry.before ? JSON.stringify(entry.before) : null,
  after: entry.after ? JSON.stringify(entry.after) : null,
});

/**
 * Appends one event to the audit log. Appending and listing (listAuditEvents) are all the audit log offers:
 * a record that its subjects could edit would prove nothing, so there is no update or delete here, no route
 * for either, and the database refuses both (triggers, migration `audit_log`).
 *
 * Called by each service that changes state, with the change's transaction where it has one (so the event
 * exists exactly when the change committed); a service without one appends right after its write.
 *
 * @example
 * await appendAuditEvent(tx, actor, { action: 'category.updated', target: { type: 'category', id: key }, before, after });
 */
export async function appendAuditEvent(db: AuditWriter, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: auditEventColumns(actor, entry) });
}
