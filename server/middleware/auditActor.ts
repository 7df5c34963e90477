import type { Request, Response } from 'express';
import type { ApiKeyPrincipal } from '../services/apiKeys/authenticateApiKey.js';
import type { AuditActor } from '../services/audit/appendAuditEvent.js';
import type { AdminPrincipal } from './requireAdmin.js';

/** Longer User-Agent headers are cut: the header is the client's to fill, the log is ours to keep small. */
const USER_AGENT_MAX = 512;

/**
 * The audit log's actor of a request: the API key requireApiKey admitted, or the admin requireAdmin did,
 * with the client's address (`req.ip`, per TRUST_PROXY), User-Agent, log request id and trace id. Routes
 * pass it to the services that change state; only those routes call it, after one of the two guards.
 *
 * @example
 * await revokeApiKey(ctx, { id, actor: auditActor(req, res) });
 */
export function auditActor(req: Request, res: Response): AuditActor {
  const apiKey = res.locals.apiKey as ApiKeyPrincipal | undefined;
  const admin = res.locals.admin as AdminPrincipal | undefined;
  // Not reached: every audited route sits behind requireApiKey or requireAdmin.
  if (!apiKey && !admin) throw new Error('auditActor called on a route without an admin or an API key');
  const traceIds = res.locals.traceIds as { trace_id?: string } | undefined;
  return {
    ...(apiKey ? { type: 'api_key', id: apiKey.id, label: apiKey.name } : { type: 'user', id: admin!.id, label: admin!.email }),
    ip: req.ip ?? null,
    userAgent: req.get('user-agent')?.slice(0, USER_AGENT_MAX) ?? null,
    requestId: typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : null,
    traceId: traceIds?.trace_id ?? null,
  };
}
