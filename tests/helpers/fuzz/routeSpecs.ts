import type { RequestHandler } from 'express';
import { z } from 'zod';
import { createHttpApp } from '../../../server/httpApp.js';
import type { TestServer } from '../testServer.js';
import { listAppRoutes, toOpenApiPath, type AppRoute } from './appRoutes.js';
import type { RouteSpec } from './cases.js';
import { authFor, DOCUMENTED_INPUTS, ROUTE_INPUTS, type Fixtures, type RouteInputs } from './catalog.js';
import { sampleOf, type JsonSchema } from './jsonSchema.js';

/** Every route with its inputs, plus what the sources disagree on. */
export interface RouteSpecs {
  specs: RouteSpec[];
  /** Served routes that neither the OpenAPI document nor the fuzz catalog describes. */
  uncovered: string[];
  /** Catalog entries for routes the app no longer serves. */
  stale: string[];
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface OpenApiDocument {
  servers: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
}

const passThrough: RequestHandler = (_req, _res, next) => next();
const zodToJsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

function merge(base: unknown, over: Record<string, unknown> | undefined): unknown {
  return over && base && typeof base === 'object' ? { ...base, ...over } : base;
}

/** A made-up value for path parameters no fixture names: well-formed, matching nothing. */
const defaultParam = (name: string) => (name === 'splat' ? 'inbox' : 'fuzz-missing');

function specFrom(route: AppRoute, inputs: RouteInputs, fx: Fixtures, body?: { schema: JsonSchema; root: unknown }, query?: JsonSchema, headers: string[] = []): RouteSpec {
  const params = { ...Object.fromEntries(route.params.map((p) => [p, defaultParam(p)])), ...inputs.params?.(fx) };
  return {
    route,
    auth: authFor(route.path),
    page: inputs.page ?? false,
    anyQuery: inputs.anyQuery ?? false,
    endsSession: inputs.endsSession ?? false,
    params,
    query,
    body: body && { ...body, base: merge(sampleOf(body.schema, body.root), inputs.sample) },
    bodyType: inputs.bodyType ?? (body ? 'json' : 'none'),
    headers,
  };
}

/** Inputs of a documented route from its OpenAPI operation, so a newly documented route is fuzzed field by field. */
function documentedSpec(route: AppRoute, op: OpenApiOperation, doc: OpenApiDocument, fx: Fixtures): RouteSpec {
  const params = op.parameters ?? [];
  const queryParams = params.filter((p) => p.in === 'query');
  const query: JsonSchema | undefined = queryParams.length
    ? { type: 'object', properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])) }
    : undefined;
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const headers = params.filter((p) => p.in === 'header').map((p) => p.name);
  return specFrom(route, DOCUMENTED_INPUTS[route.key] ?? {}, fx, bodySchema && { schema: bodySchema, root: doc }, query, headers);
}

/**
 * The fuzz plan: the routes come from the app's router (every route it serves), the inputs of documented
 * routes (`/api/v1` and the inbox API) from the OpenAPI document, and those of the web app's other routes
 * from the catalog. A route is taken from one source only, so none is fuzzed twice.
 *
 * @example
 * const { specs, uncovered } = await buildRouteSpecs(server, fixtures);
 */
export async function buildRouteSpecs(server: TestServer, fx: Fixtures): Promise<RouteSpecs> {
  const routes = listAppRoutes(createHttpApp(server.ctx, passThrough));
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApiDocument;
  if (doc.servers.length !== 1) throw new Error(`Expected the OpenAPI document to have one server, not ${doc.servers.length}`);
  const serverPrefix = doc.servers[0]!.url;
  const uncovered: string[] = [];
  const specs = routes.map((route) => {
    const op = route.path.startsWith(`${serverPrefix}/`) ? doc.paths[toOpenApiPath(route, serverPrefix)]?.[route.method.toLowerCase()] : undefined;
    if (op) {
      if (ROUTE_INPUTS[route.key]) uncovered.push(`${route.key} (documented: remove it from ROUTE_INPUTS, put its samples in DOCUMENTED_INPUTS)`);
      return documentedSpec(route, op, doc, fx);
    }
    if (route.path.startsWith('/api/v1/')) {
      uncovered.push(`${route.key} (served under /api/v1 but not in the OpenAPI document)`);
      return specFrom(route, {}, fx);
    }
    const inputs = ROUTE_INPUTS[route.key];
    if (!inputs) {
      uncovered.push(`${route.key} (document it in server/openapi/, or add its input schemas to ROUTE_INPUTS in tests/helpers/fuzz/catalog.ts)`);
      return specFrom(route, {}, fx);
    }
    const schema = inputs.body && zodToJsonSchema(inputs.body);
    return specFrom(route, inputs, fx, schema && { schema, root: schema }, inputs.query && zodToJsonSchema(inputs.query));
  });
  const served = new Set(routes.map((r) => r.key));
  const stale = [...Object.keys(ROUTE_INPUTS), ...Object.keys(DOCUMENTED_INPUTS)].filter((key) => !served.has(key));
  return { specs, uncovered, stale };
}
