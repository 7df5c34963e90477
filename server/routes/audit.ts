import { Router } from 'express';
import { listAuditQuerySchema } from '../../shared/schemas/audit.js';
import type { AppContext } from '../context.js';
import { parseInput } from '../middleware/validate.js';
import { listAuditEvents } from '../services/audit/listAuditEvents.js';

/**
 * `/api/admin/audit` and `/api/v1/audit`: the audit log, newest first, filtered and paged. Read-only, as
 * the log itself: there is no route that changes or removes an event.
 */
export function auditRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await listAuditEvents(ctx.db, parseInput(listAuditQuerySchema, req.query, 'query string')));
  });

  return router;
}
