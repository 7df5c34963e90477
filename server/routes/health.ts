import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { UNAVAILABLE_RETRY_AFTER_S } from '../errors.js';
import { checkDependencies } from '../services/health/checkDependencies.js';
import { checkReadiness } from '../services/health/checkReadiness.js';

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

/**
 * `GET /api/health/live`: 200 `{ status: "ok" }` whenever the process answers HTTP at all. It checks no
 * dependency on purpose: restarting a node does not bring its database back, and a node draining in a
 * graceful shutdown must not be killed for it.
 */
export function livenessCheck(): RequestHandler {
  return (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  };
}

/**
 * `GET /api/health/ready`: 200 with a ReadinessReport (`status: "ready"`) while this node should get
 * traffic; 503 + `Retry-After` and the same report (`status: "unready"`, naming the failing check) when the
 * database or Redis do not answer, a migration this code needs is not applied, a background loop stopped
 * turning, or a graceful shutdown has begun.
 */
export function readinessCheck(ctx: AppContext): RequestHandler {
  return async (_req, res) => {
    const report = await checkReadiness(ctx);
    if (report.status !== 'ready') res.status(503).set('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S));
    res.set('Cache-Control', 'no-store').json(report);
  };
}
