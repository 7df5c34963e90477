import { validate } from '@readme/openapi-parser';
import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v1Router } from '../../server/routes/v1/index.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let doc: any;

beforeAll(async () => {
  server = await getTestServer();
  const res = await fetch(`${server.url}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json();
});
afterAll(() => server.stop());

interface RouteLayer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: RouteLayer[] };
}

/** `METHOD /path` of every route an Express router (and its mounted sub-routers) serves, as OpenAPI paths. */
function listRoutes(router: Router, prefix = ''): string[] {
  return (router.stack as unknown as RouteLayer[]).flatMap((layer) => {
    if (layer.route) {
      const path = `${prefix}${layer.route.path === '/' ? '' : layer.route.path}`.replace(/:(\w+)/g, '{$1}') || '/';
      return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${path}`);
    }
    // A mounted router: `rawPath` is where router.use() put it ('/' when mounted without a path).
    const mount = layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : '';
    if (layer.handle.stack) return listRoutes(layer.handle as unknown as Router, `${prefix}${mount}`);
    return [];
  });
}

const documented = () =>
  Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(doc));
    expect(result.valid, JSON.stringify(result)).toBe(true);
  });

  it('documents exactly the routes the v1 router serves', () => {
    const served = listRoutes(v1Router(server.ctx));
    expect(served.length).toBeGreaterThan(5);
    expect(documented().sort()).toEqual([...new Set(served)].sort());
  });

  it('has bearer auth, the shared error schema and the error statuses services must handle', () => {
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ apiKey: [] }]);
    expect(doc.components.schemas.Error.properties.error.required).toEqual(expect.arrayContaining(['code', 'message']));
    const statuses = new Set(
      Object.values(doc.paths as Record<string, Record<string, { responses: object }>>).flatMap((item) =>
        Object.values(item).flatMap((op) => Object.keys(op.responses)),
      ),
    );
    for (const status of ['400', '401', '403', '404', '409', '413', '422', '429']) expect(statuses).toContain(status);
    expect(doc.components.responses.TooManyRequests.headers['Retry-After']).toBeDefined();
  });

  it('uses the shared zod schemas for requests, e.g. the Idempotency-Key header and strict bodies', () => {
    const post = doc.paths['/notifications'].post;
    expect(post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'Idempotency-Key' })]));
    expect(doc.components.schemas.CreateNotification.additionalProperties).toBe(false);
    expect(doc.components.schemas.CreateNotification.properties.title.maxLength).toBe(200);
    expect(doc.components.schemas.UpsertUser.required).toEqual(['email', 'name']);
  });
});

describe('GET /api/docs', () => {
  it('serves an HTML page whose scripts and styles all load from this server', async () => {
    const res = await fetch(`${server.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    // The page works under the app's CSP: scripts only from 'self', no inline scripts.
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    const html = await res.text();
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
    const assets = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.filter((a) => a.endsWith('.js')).length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      expect(asset.startsWith('/')).toBe(true);
      const loaded = await fetch(new URL(asset, server.url));
      expect(loaded.status, asset).toBe(200);
    }
  });

  it('does not serve the package demo page', async () => {
    expect((await fetch(`${server.url}/api/docs/index.html`)).status).toBe(404);
  });
});
