import type { AuditActorType, AuditEventDto } from '../../shared/schemas/audit.js';

/** The columns an audit event DTO is built from. */
export interface AuditEventRow {
  id: string;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  before: string | null;
  after: string | null;
  requestId: string | null;
  traceId: string | null;
}

const parseObject = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));

/** Row → DTO (before/after parsed from their JSON). */
export function presentAuditEvent(row: AuditEventRow): AuditEventDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { type: row.actorType as AuditActorType, id: row.actorId, label: row.actorLabel },
    action: row.action,
    target: row.targetType !== null && row.targetId !== null ? { type: row.targetType, id: row.targetId } : null,
    ip: row.ip,
    userAgent: row.userAgent,
    before: parseObject(row.before),
    after: parseObject(row.after),
    requestId: row.requestId,
    traceId: row.traceId,
  };
}
