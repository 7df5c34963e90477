import { createECDH, randomBytes } from 'node:crypto';
import { validate } from '@readme/openapi-parser';
import type { RequestHandler, Router } from 'express';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_TOKEN_ERRORS } from '../../shared/userTokenErrors.js';
import { createHttpApp } from '../../server/httpApp.js';
import { v1Router } from '../../server/routes/v1/index.js';
import { fillPath, listAppRoutes, toOpenApiPath } from '../helpers/fuzz/appRoutes.js';
import { closedValidator, documentedOperations, operationFor, resolveRef } from '../helpers/openApiDocument.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

const USER_TOKEN_SECRET = 'openapi-test-user-token-secret-0123456789';
const EXTERNAL_ID = 'openapi-inbox-user';

let server: TestServer;
let doc: any;

beforeAll(async () => {
  server = await getTestServer({ USER_TOKEN_SECRET });
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

/** Every documented operation, keyed `METHOD /path` (paths relative to the `/api` server). */
const operations = () => documentedOperations(doc);
const isV1 = (path: string) => path.startsWith('/v1/');

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(doc));
    expect(result.valid, JSON.stringify(result)).toBe(true);
  });

  it('has one relative server, `/api`, so "Try it out" reaches both APIs on the host serving the docs', () => {
    expect(doc.servers).toEqual([{ url: '/api' }]);
  });

  it('documents exactly the routes the v1 router serves, under `/v1`, each with the API key', () => {
    const served = listRoutes(v1Router(server.ctx)).map((route) => route.replace(' ', ' /v1'));
    expect(served.length).toBeGreaterThan(5);
    const v1 = operations().filter(({ path }) => isV1(path));
    expect(v1.map(({ key }) => key).sort()).toEqual([...new Set(served)].sort());
    for (const { key, op } of v1) expect({ key, security: op.security ?? doc.security }).toEqual({ key, security: [{ apiKey: [] }] });
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
    const post = doc.paths['/v1/notifications'].post;
    expect(post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'Idempotency-Key' })]));
    expect(doc.components.schemas.CreateNotification.additionalProperties).toBe(false);
    expect(doc.components.schemas.CreateNotification.properties.title.maxLength).toBe(200);
    expect(doc.components.schemas.UpsertUser.required).toEqual(['email', 'name']);
  });
});

/** A user token for EXTERNAL_ID, as a host backend signs one (no `kid`: checked with USER_TOKEN_SECRET). */
function signUserToken(expiresAt: number | string = '10m'): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(EXTERNAL_ID)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(USER_TOKEN_SECRET));
}

async function v1(method: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json();
}

describe('the inbox API in the OpenAPI document', () => {
  let token: string;
  const bearer = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await v1('PUT', `/users/${EXTERNAL_ID}`, { email: 'openapi-inbox@example.com', name: 'Inbox User' });
    token = await signUserToken();
  });

  it('documents exactly the routes that take a user token, each with the userToken security and nothing else', async () => {
    // Found by asking the server, not from a list: a route that answers 401 without credentials and accepts a
    // user token is an inbox route, wherever it is mounted. Path parameters get a harmless made-up value.
    const passThrough: RequestHandler = (_req, _res, next) => next();
    const candidates = listAppRoutes(createHttpApp(server.ctx, passThrough)).filter((r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/v1/'));
    const takesToken: string[] = [];
    for (const route of candidates) {
      const url = `${server.url}${fillPath(route, Object.fromEntries(route.params.map((p) => [p, 'openapi-missing'])))}`;
      const anonymous = await fetch(url, { method: route.method });
      if (anonymous.status !== 401) continue;
      const withToken = await fetch(url, { method: route.method, headers: bearer() });
      if (withToken.status !== 401) takesToken.push(`${route.method} ${toOpenApiPath(route, '/api')}`);
    }
    expect(takesToken.length).toBeGreaterThanOrEqual(13);
    const inbox = operations().filter(({ path }) => !isV1(path));
    expect(inbox.map(({ key }) => key).sort()).toEqual(takesToken.sort());
    for (const { key, op } of inbox) {
      expect({ key, security: op.security, tags: op.tags }).toEqual({ key, security: [{ userToken: [] }], tags: [expect.stringMatching(/^Inbox/)] });
    }
  });

  it('describes the user token and the errors of each way in', () => {
    const scheme = doc.components.securitySchemes.userToken;
    expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    for (const part of ['HS256', '`sub`', 'externalId', '`exp`', '24 h', '`kid`', 'USER_TOKEN_SECRET', 'cookie', 'x-csrf-token']) {
      expect(scheme.description).toContain(part);
    }
    const { InboxUnauthorized, InboxForbidden } = doc.components.responses;
    for (const code of [...Object.values(USER_TOKEN_ERRORS), 'unauthorized']) expect(InboxUnauthorized.description).toContain(`\`${code}\``);
    expect(InboxUnauthorized.headers['WWW-Authenticate']).toBeDefined();
    for (const code of ['csrf_invalid', 'origin_not_allowed']) expect(InboxForbidden.description).toContain(`\`${code}\``);
    for (const { key, op } of operations().filter(({ path }) => !isV1(path))) {
      const refs = Object.fromEntries(Object.entries(op.responses).map(([status, r]: [string, any]) => [status, r.$ref]));
      // The API key's 401/403/429 would send an integrator looking for scopes and quotas the inbox does not have.
      expect({ key, 401: refs[401], 403: refs[403], 429: refs[429] }).toEqual({
        key,
        401: '#/components/responses/InboxUnauthorized',
        403: key.startsWith('GET ') ? undefined : '#/components/responses/InboxForbidden',
        429: undefined,
      });
    }
  });

  it('answers every inbox operation, called with a real user token, with a documented status and body', async () => {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const sent = await v1('POST', '/notifications', {
      to: [{ externalId: EXTERNAL_ID }],
      title: 'Your order shipped',
      body: 'Order 42 is on its way',
      actionUrl: '/orders/42',
      data: { orderId: 42 },
      icon: 'https://cdn.example.com/shop.png',
      actions: [
        { id: 'track', label: 'Track', kind: 'url', url: '/orders/42/track', style: 'primary' },
        { id: 'thanks', label: 'Thanks', kind: 'acknowledge' },
      ],
    });
    await v1('POST', '/notifications', { to: [{ externalId: EXTERNAL_ID }], title: 'Second', priority: 'high' });
    const expired = await signUserToken(Math.floor(Date.now() / 1000) - 3600);
    let deviceId = '';
    let undoToken = '';
    const calls: { method: string; path: () => string; body?: object | (() => object); status: number; authorization?: string }[] = [
      { method: 'GET', path: () => '/api/notifications?limit=1', status: 200 },
      { method: 'GET', path: () => '/api/notifications?status=all&limit=50', status: 200 },
      { method: 'GET', path: () => '/api/notifications/counts', status: 200 },
      { method: 'GET', path: () => '/api/notifications/categories', status: 200 },
      { method: 'PATCH', path: () => `/api/notifications/${sent.notificationIds[0]}`, body: { read: true, archived: true }, status: 200 },
      { method: 'POST', path: () => '/api/notifications/seen-all', body: { upToSeq: 1 }, status: 200 },
      { method: 'POST', path: () => '/api/notifications/read-all', body: {}, status: 200 },
      { method: 'POST', path: () => `/api/notifications/${sent.notificationIds[0]}/actions/track`, status: 200 },
      { method: 'POST', path: () => `/api/notifications/${sent.notificationIds[0]}/actions/thanks`, status: 409 },
      { method: 'POST', path: () => `/api/notifications/${sent.notificationIds[0]}/actions/nope`, status: 404 },
      { method: 'GET', path: () => '/api/notifications?q=order%20shi&pinned=false&status=all', status: 200 },
      { method: 'POST', path: () => '/api/notifications/bulk', body: { action: 'pin', ids: [sent.notificationIds[0]] }, status: 200 },
      { method: 'POST', path: () => '/api/notifications/bulk', body: { action: 'delete', filter: { status: 'archived', q: 'order' }, upToSeq: 1_000_000 }, status: 200 },
      { method: 'POST', path: () => '/api/notifications/undo', body: () => ({ token: undoToken }), status: 200 },
      { method: 'DELETE', path: () => `/api/notifications/${sent.notificationIds[0]}`, status: 200 },
      { method: 'POST', path: () => '/api/notifications/undo', body: () => ({ token: undoToken }), status: 200 },
      { method: 'POST', path: () => '/api/notifications/undo', body: () => ({ token: undoToken }), status: 404 },
      { method: 'GET', path: () => '/api/preferences', status: 200 },
      { method: 'PATCH', path: () => '/api/preferences', body: { timezone: 'Europe/Paris', quietHours: { start: '22:00', end: '07:00' } }, status: 200 },
      { method: 'PATCH', path: () => '/api/preferences/contact', body: { phone: '+14155550123', smsConsent: true }, status: 200 },
      { method: 'GET', path: () => '/api/push/vapid-public-key', status: 200 },
      {
        method: 'POST',
        path: () => '/api/push/subscriptions',
        body: {
          endpoint: 'https://push.example.com/send/openapi',
          expirationTime: null,
          keys: { p256dh: ecdh.getPublicKey('base64url'), auth: randomBytes(16).toString('base64url') },
        },
        status: 201,
      },
      { method: 'GET', path: () => '/api/push/subscriptions', status: 200 },
      { method: 'DELETE', path: () => `/api/push/subscriptions/${deviceId}`, status: 204 },
      // Errors, in the documented shape of their status.
      { method: 'GET', path: () => '/api/notifications?status=bogus', status: 400 },
      { method: 'PATCH', path: () => '/api/notifications/openapi-missing', body: { read: true }, status: 404 },
      { method: 'PATCH', path: () => '/api/preferences', body: { categories: { nope: { emailDigest: 'daily' } } }, status: 422 },
      { method: 'GET', path: () => '/api/notifications', status: 401, authorization: `Bearer ${expired}` },
      { method: 'GET', path: () => '/api/notifications', status: 401, authorization: 'Basic b3BlbmFwaTp4' },
    ];
    const answered = new Set<string>();
    for (const call of calls) {
      const path = call.path();
      const requestBody = typeof call.body === 'function' ? call.body() : call.body;
      const res = await fetch(`${server.url}${path}`, {
        method: call.method,
        headers: { authorization: call.authorization ?? bearer().authorization, ...(requestBody !== undefined && { 'content-type': 'application/json' }) },
        ...(requestBody !== undefined && { body: JSON.stringify(requestBody) }),
      });
      const text = await res.text();
      const body = text ? JSON.parse(text) : undefined;
      const label = `${call.method} ${path} → ${res.status} ${text.slice(0, 300)}`;
      expect(res.status, label).toBe(call.status);
      const found = operationFor(doc, '/api', call.method, path);
      expect(found, label).toBeDefined();
      const documented = resolveRef(doc, found!.op.responses[String(res.status)]);
      expect(documented, `${label}: status not documented`).toBeDefined();
      const schema = documented.content?.['application/json']?.schema;
      if (!schema) {
        expect(text, label).toBe('');
      } else {
        const parsed = closedValidator(doc, schema).safeParse(body);
        expect(parsed.error?.issues ?? [], label).toEqual([]);
      }
      if (res.status === 401 && call.authorization?.startsWith('Bearer')) {
        expect(res.headers.get('www-authenticate'), label).toMatch(/^Bearer error="invalid_token"/);
        expect(documented.description, label).toContain(`\`${body.error.code}\``);
      }
      if (res.ok) answered.add(found!.key);
      if (call.method === 'POST' && path === '/api/push/subscriptions') deviceId = body.id;
      if (res.ok && body?.undo) undoToken = body.undo.token;
      if (call.method === 'GET' && path.includes('limit=1')) expect(body.nextCursor, label).not.toBeNull();
    }
    // Every documented inbox operation was called successfully: a new one needs a call here.
    expect([...answered].sort()).toEqual(
      operations()
        .filter(({ path }) => !isV1(path))
        .map(({ key }) => key)
        .sort(),
    );
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
