import type { Express, Router } from 'express';

/** One route the Express app serves, e.g. `{ method: 'PATCH', path: '/api/notifications/:id' }`. */
export interface AppRoute {
  method: string;
  /** Express path syntax: `:param`, `{*splat}`. */
  path: string;
  /** `${method} ${path}`, the key the fuzz catalog uses. */
  key: string;
  /** Names of the path parameters, in order. */
  params: string[];
}

interface Layer {
  rawPath?: string | string[];
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/**
 * Every route of an Express 5 app, found by walking its router layers and the routers mounted in them,
 * so a route added anywhere shows up here without a list to keep in sync.
 *
 * @example
 * listAppRoutes(createHttpApp(ctx, session)).map((r) => r.key); // ['GET /api/health', 'POST /api/v1/notifications', …]
 */
export function listAppRoutes(app: Express): AppRoute[] {
  const routes = new Map<string, AppRoute>();
  const visit = (router: Router, prefix: string) => {
    for (const layer of router.stack as unknown as Layer[]) {
      if (layer.route) {
        const path = `${prefix}${layer.route.path === '/' && prefix ? '' : layer.route.path}` || '/';
        for (const method of Object.keys(layer.route.methods)) {
          if (method === '_all') continue;
          const key = `${method.toUpperCase()} ${path}`;
          routes.set(key, { method: method.toUpperCase(), path, key, params: paramNames(path) });
        }
      } else if (layer.handle.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        visit(layer.handle as unknown as Router, `${prefix}${mount}`);
      }
    }
  };
  visit(app.router, '');
  return [...routes.values()];
}

function paramNames(path: string): string[] {
  return [...path.matchAll(/[:*](\w+)/g)].map((m) => m[1]!);
}

/** The route's path with each parameter replaced by `values[name]` (inserted as is: callers encode). */
export function fillPath(route: AppRoute, values: Record<string, string>): string {
  return route.path.replace(/\{\*(\w+)\}|:(\w+)/g, (_m, splat: string | undefined, name: string | undefined) => {
    const param = (splat ?? name)!;
    const value = values[param];
    if (value === undefined) throw new Error(`No value for path parameter ${param} of ${route.key}`);
    return value;
  });
}

/** `/api/v1/sends/{id}` (OpenAPI) for `/api/v1/sends/:id` (Express), relative to `serverPrefix`. */
export const toOpenApiPath = (route: AppRoute, serverPrefix: string): string =>
  route.path.slice(serverPrefix.length).replace(/:(\w+)/g, '{$1}') || '/';
