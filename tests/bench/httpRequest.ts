import { Agent, request } from 'node:http';

/** An HTTP answer as the generator needs it. */
export interface HttpAnswer {
  status: number;
  /** The `Retry-After` header, if any. */
  retryAfter: string | undefined;
  body: string;
}

/**
 * Idle connections are closed after this long (ms), before the server's own keep-alive timeout (Node's
 * default, 5 s) closes them: a request sent on a connection the server is closing at that moment fails
 * with ECONNRESET, which would be the generator's fault, not the server's.
 */
const IDLE_CONNECTION_MS = 4000;

/**
 * A keep-alive connection pool for one generator loop. node:http rather than fetch: on this 2-core box
 * fetch's per-request cost would make the generator, not the server, the bottleneck.
 */
export const keepAliveAgent = (maxSockets = Infinity): Agent => new Agent({ keepAlive: true, maxSockets, timeout: IDLE_CONNECTION_MS });

/**
 * One request to 127.0.0.1 (`base` is the server's URL); resolves with the answer, rejects on a network
 * error or when `signal` aborts.
 *
 * @example
 * const answer = await httpRequest(agent, 'http://127.0.0.1:3000', 'POST', '/api/v1/notifications', { authorization }, JSON.stringify(body));
 */
export function httpRequest(
  agent: Agent,
  base: string,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: string,
  signal?: AbortSignal,
): Promise<HttpAnswer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        agent,
        signal,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
