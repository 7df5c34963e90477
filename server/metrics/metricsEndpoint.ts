import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import { HttpError, NotFoundError } from '../errors.js';
import { listenError } from '../httpServerErrors.js';
import type { Logger } from '../logger.js';
import type { AppMetrics } from './appMetrics.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether an `Authorization` header carries `Bearer <token>`; compared in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

/** What a scrape gets: 200 with the exposition text, or the refusal's status. */
async function scrape(metrics: AppMetrics, token: string | undefined, authorization: string | undefined) {
  if (token !== undefined && !bearerMatches(authorization, token)) return { status: 401 as const };
  return { status: 200 as const, contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}

/**
 * `GET /metrics` on the app's own port: the Prometheus text format when METRICS_TOKEN is set and the
 * request carries it (`Authorization: Bearer <token>`), else 401; without METRICS_TOKEN the app's port
 * does not export metrics at all (404, as for any unknown path), so nothing leaks by default.
 *
 * @example
 * app.get('/metrics', metricsRoute(ctx.config, ctx.metrics));
 */
export function metricsRoute(config: Config, metrics: AppMetrics): RequestHandler {
  const { token } = config.metrics;
  return async (req, res) => {
    if (token === undefined) throw NotFoundError('route');
    const answer = await scrape(metrics, token, req.headers.authorization);
    if (answer.status === 401) {
      throw new HttpError(401, 'unauthorized', 'Send the metrics token as Authorization: Bearer <token>', undefined, { 'WWW-Authenticate': 'Bearer realm="metrics"' });
    }
    res.set('Cache-Control', 'no-store').type(answer.contentType).send(answer.body);
  };
}

/** The listener METRICS_PORT starts. */
export interface MetricsListener {
  /** `http://host:port` it listens on (the real port when METRICS_PORT=0). */
  url: string;
  close(): Promise<void>;
}

/**
 * A listener of its own for `GET /metrics` on METRICS_HOST:METRICS_PORT (default host 127.0.0.1), for a
 * Prometheus that reaches the node on a private address: it serves nothing else (404), and still wants
 * the token when METRICS_TOKEN is set.
 *
 * @throws the listen error (port in use, address not available)
 * @example
 * const listener = await startMetricsListener(config, ctx.metrics, log); // undefined without METRICS_PORT
 */
export async function startMetricsListener(config: Config, metrics: AppMetrics, log: Logger): Promise<MetricsListener | undefined> {
  const { port, host, token } = config.metrics;
  if (port === undefined) return undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: this port serves GET /metrics only\n');
      return;
    }
    scrape(metrics, token, req.headers.authorization).then(
      (answer) => {
        if (answer.status === 401) res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'text/plain' }).end('Unauthorized\n');
        else res.writeHead(200, { 'content-type': answer.contentType, 'cache-control': 'no-store' }).end(answer.body);
      },
      (err: unknown) => {
        log.error({ err }, 'Collecting metrics failed');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('Collecting metrics failed\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(listenError(err, host, port, 'METRICS_HOST/METRICS_PORT')));
    server.listen({ port, host }, resolve);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
