import type { CorsOptions } from 'cors';
import type { Config } from '../config.js';
import { originOf } from '../origins.js';

/**
 * CORS for the inbox API and the socket, from the ALLOWED_ORIGINS list (the same list the Origin checks of
 * the cookie path use, server/origins.ts): a listed origin gets `Access-Control-Allow-Origin` echoed back
 * (with credentials, since it may already act with the cookie), anything else gets no CORS header at all,
 * so the browser hides every answer from that page and refuses its preflights (Fetch standard, "CORS
 * protocol"). The app's own origin needs none. `Authorization` is allowed for user tokens; `Retry-After`
 * and `WWW-Authenticate` are exposed so the embedded client can back off and tell an expired token.
 *
 * @example
 * app.use('/api/notifications', cors(corsPolicy(config)));
 * new Server(httpServer, { cors: corsPolicy(config) });
 */
export function corsPolicy(config: Pick<Config, 'allowedOrigins'>): CorsOptions {
  return {
    origin: (origin, callback) => {
      const normalized = origin === undefined ? undefined : originOf(origin);
      callback(null, normalized !== undefined && config.allowedOrigins.includes(normalized));
    },
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-CSRF-Token', 'X-Expected-User'],
    exposedHeaders: ['Retry-After', 'WWW-Authenticate'],
    maxAge: 600,
  };
}
