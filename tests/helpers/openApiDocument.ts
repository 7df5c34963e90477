import { z } from 'zod';

// Reading the served OpenAPI document in tests: its operations, the one a request reaches, and a validator
// of a response against what the document says about it.

/** The served `/api/openapi.json`, as far as these helpers read it. */
export interface OpenApiJson {
  paths: Record<string, Record<string, any>>;
  [key: string]: unknown;
}

/** One documented operation: `key` is `METHOD /path`, the path relative to the document's server. */
export interface DocumentedOperation {
  key: string;
  path: string;
  op: any;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Every operation of the document (path-item fields that are not methods left out).
 *
 * @example
 * documentedOperations(doc).filter(({ path }) => path.startsWith('/v1/'));
 */
export const documentedOperations = (doc: OpenApiJson): DocumentedOperation[] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, op })),
  );

/**
 * The operation a concrete request reaches, matching `{param}` templates; `serverUrl` is cut off the path.
 *
 * @example
 * operationFor(doc, '/api', 'PATCH', '/api/notifications/ck1')?.key; // 'PATCH /notifications/{id}'
 */
export function operationFor(doc: OpenApiJson, serverUrl: string, method: string, url: string): DocumentedOperation | undefined {
  const path = url.slice(serverUrl.length).replace(/\?.*$/, '');
  return documentedOperations(doc).find(({ key }) => {
    const [opMethod, template] = key.split(' ') as [string, string];
    return opMethod === method && new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path);
  });
}

/** A node with its `#/components/…` reference followed. */
export const resolveRef = (doc: OpenApiJson, node: any): any =>
  node?.$ref ? resolveRef(doc, node.$ref.slice(2).split('/').reduce((n: any, part: string) => n[part], doc)) : node;

/**
 * A documented schema as a zod validator, with its `$ref`s inlined and every object that names its
 * properties closed: a field the server sends but the document does not name fails too (the document
 * leaves response objects open, as clients should read them).
 *
 * @example
 * closedValidator(doc, response.content['application/json'].schema).safeParse(body);
 */
export function closedValidator(doc: OpenApiJson, schema: unknown): z.ZodType {
  const close = (node: any): any => {
    if (Array.isArray(node)) return node.map(close);
    if (!node || typeof node !== 'object') return node;
    const resolved = resolveRef(doc, node);
    const out: any = Object.fromEntries(
      Object.entries(resolved).map(([key, value]) => [
        key,
        key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([name, child]) => [name, close(child)])) : close(value),
      ]),
    );
    if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
    return out;
  };
  return z.fromJSONSchema(close(schema));
}

/**
 * How a response body differs from what the served OpenAPI document says of it (`closedValidator`): no issues
 * when it matches. `path` is the request's path on `baseUrl` (`/api/v1/audit?limit=5`).
 *
 * @example
 * expect(await undocumentedParts(server.url, 'GET', '/api/v1/audit', 200, body)).toEqual([]);
 */
export async function undocumentedParts(baseUrl: string, method: string, path: string, status: number, body: unknown) {
  const doc = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as OpenApiJson;
  const found = operationFor(doc, '/api', method, path);
  if (!found) return [{ message: `${method} ${path} is not documented` }];
  const schema = resolveRef(doc, found.op.responses[String(status)])?.content?.['application/json']?.schema;
  if (!schema) return [{ message: `${method} ${path} → ${status} has no documented JSON body` }];
  return closedValidator(doc, schema).safeParse(body).error?.issues ?? [];
}
