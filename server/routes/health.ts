import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { UNAVAILABLE_RETRY_AFTER_S } from '../errors.js';
import { checkDependencies } from '../services/health/checkDependencies.js';

/**
 * `GET /api/health`: 200 `{ status: "ok", checks: { database: "ok", redis?: "ok" } }` when the database
 * (and Redis, when configured) answer; else 503 with `Retry-After` and the same body naming what is
 * `unavailable`, so a load balancer takes the node out while its dependencies are down.
 */
export function healthCheck(ctx: AppContext): RequestHandler {
  return async (_req, res) => {
    const report = await checkDependencies(ctx);
    if (report.status !== 'ok') res.status(503).set('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S));
    res.set('Cache-Control', 'no-store').json(report);
  };
}
