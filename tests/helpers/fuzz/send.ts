import http from 'node:http';
import type { FuzzCase } from './cases.js';
import type { AuthKind } from './catalog.js';

/** Cookie + CSRF token of a signed-in session, or a bearer key. */
export interface Credentials {
  cookie?: string;
  csrfToken?: string;
  authorization?: string;
}

export interface FuzzResponse {
  status: number;
  contentType: string;
  text: string;
}

/**
 * Sends one case with node:http, which (unlike fetch) sends the path byte for byte: `..`, `%2e%2e` and bad
 * escapes reach the server as written instead of being normalized away by the client.
 */
export function sendCase(baseUrl: string, c: FuzzCase, creds: Partial<Record<AuthKind, Credentials>>, agent: http.Agent): Promise<FuzzResponse> {
  const url = new URL(baseUrl);
  const own = creds[c.as] ?? {};
  const headers: Record<string, string> = {};
  if (own.cookie) headers.cookie = own.cookie;
  if (own.csrfToken) headers['x-csrf-token'] = own.csrfToken;
  if (own.authorization) headers.authorization = own.authorization;
  Object.assign(headers, c.headers);
  if (c.body !== undefined) headers['content-length'] = String(Buffer.byteLength(c.body));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: c.method, path: c.path, headers, agent, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 20 s')));
    req.on('error', reject);
    req.end(c.body);
  });
}

const STACK_TRACE = /\n\s+at\s|\bat\s[\w.<>]+\s\(.*:\d+:\d+\)|node_modules\/|\/server\/[\w/]+\.[jt]s/;

/**
 * What is wrong with an answer, or undefined: a 5xx (or no answer) is always wrong; a 4xx must be the
 * documented `{ error: { code, message, details? } }` JSON (or, on routes people open from emails, an HTML
 * page) and never show a stack trace. An unknown query field must be refused (4xx) unless the route takes any.
 */
export function problemWith(c: FuzzCase, res: FuzzResponse): string | undefined {
  if (res.status >= 500 || res.status < 100) return `${res.status}`;
  if (c.unknownQueryField && !c.spec.anyQuery && res.status < 400) return `${res.status}: an unknown query field was ignored, not refused`;
  // A HEAD answer has no body to check; deep-nesting cases promise only "no 5xx" (the depth cap decides the rest).
  if (res.status < 400 || c.deep || c.method === 'HEAD') return undefined;
  if (STACK_TRACE.test(res.text)) return `${res.status} with a stack trace`;
  if (c.spec.page && res.contentType.startsWith('text/html')) return undefined;
  if (!res.contentType.startsWith('application/json')) return `${res.status} as ${res.contentType || 'no content type'}, not JSON`;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    return `${res.status} with invalid JSON`;
  }
  return errorShapeProblem(body) && `${res.status} ${errorShapeProblem(body)}`;
}

/** Checks the documented error body; returns what is off. */
export function errorShapeProblem(body: unknown): string | undefined {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!error || typeof error !== 'object') return 'without an `error` object';
  if (typeof error.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(error.code)) return `with code ${JSON.stringify(error.code)}`;
  if (typeof error.message !== 'string' || !error.message) return 'without a message';
  const extra = Object.keys(error).filter((k) => !['code', 'message', 'details'].includes(k));
  if (extra.length) return `with extra fields ${extra.join(', ')}`;
  if (error.details === undefined) return undefined;
  if (!Array.isArray(error.details)) return 'with details that are not an array';
  const bad = error.details.find((d: { path?: unknown; message?: unknown }) => typeof d?.path !== 'string' || typeof d?.message !== 'string');
  return bad ? `with a malformed detail ${JSON.stringify(bad)}` : undefined;
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
export async function runPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
