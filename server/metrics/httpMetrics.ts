import { performance } from 'node:perf_hooks';
import type express from 'express';
import type { RequestHandler } from 'express';
import type { AppMetrics } from './appMetrics.js';

/** The route label of a request no route matched (static files, 404s, a middleware answering first). */
export const UNMATCHED_ROUTE = 'unmatched';

const routePattern = Symbol('routePattern');
const routeObject = Symbol('route');

interface PatternRequest {
  baseUrl: string;
  [routePattern]?: string;
  [routeObject]?: { path: unknown };
}

/**
 * Makes every request of `app` remember the full pattern of the route that matched it (`/api/notifications`
 * + `/:id`) at the moment the router dispatches to it. Read later, `req.baseUrl` is no longer that of the
 * route's router when an error travelled back up to the app's error handler (the router restores it on the
 * way out), so a 4xx of `PATCH /api/notifications/:id` would have been labelled `/:id`. The router sets
 * `req.route`; an accessor on the app's request prototype sees that assignment, with the right baseUrl.
 */
function recordRoutePatterns(app: express.Express): void {
  Object.defineProperty(app.request, 'route', {
    configurable: true,
    get(this: PatternRequest) {
      return this[routeObject];
    },
    set(this: PatternRequest, route: { path: unknown }) {
      this[routeObject] = route;
      this[routePattern] = `${this.baseUrl}${route.path === '/' && this.baseUrl ? '' : String(route.path)}`;
    },
  });
}

/** The matched route's full pattern (`/api/notifications/:id`), UNMATCHED_ROUTE before or without a match. */
export function matchedRoute(req: express.Request): string {
  return (req as unknown as PatternRequest)[routePattern] ?? UNMATCHED_ROUTE;
}

/**
 * Times every request of `app` into `flashnotify_http_request_duration_seconds` by method, matched route
 * pattern and status, from its arrival at this middleware to the last byte handed to the socket. Mount
 * it first.
 *
 * @example
 * app.use(httpMetrics(app, ctx.metrics));
 */
export function httpMetrics(app: express.Express, metrics: AppMetrics): RequestHandler {
  recordRoutePatterns(app);
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      metrics.httpRequest(req.method, matchedRoute(req), res.statusCode, (performance.now() - started) / 1000);
    });
    next();
  };
}
