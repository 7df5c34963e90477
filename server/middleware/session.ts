import session from 'express-session';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { RawDatabase } from '../db/rawDatabase.js';
import type { Logger } from '../logger.js';
import { DbSessionStore } from '../services/sessions/sessionStore.js';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    /** The browser's User-Agent at sign-in (bounded), so the sessions page can say which device this is. */
    userAgent?: string;
  }
}

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;
/** How often each node deletes expired sessions (and disconnects their sockets). */
const PRUNE_INTERVAL_MS = 10 * 60 * 1000;

export interface SessionMiddlewareOptions {
  /** Sessions that pruning deleted (expired): their sockets must be disconnected on every node. */
  onSessionsEnded(sessionIds: string[]): void;
}

/**
 * express-session backed by the database, so sessions survive restarts and are shared by every node
 * in scale-out mode. The cookie is httpOnly and SameSite=Lax: never readable by scripts and not sent on
 * cross-site POSTs; CSRF tokens cover the rest. A store error (database unreachable) reaches the error
 * handler as such (503), never as "signed out".
 */
export function createSessionMiddleware(
  config: Config,
  { db, raw }: { db: Db; raw: RawDatabase },
  secret: string,
  log: Logger,
  options: SessionMiddlewareOptions,
) {
  const store = new DbSessionStore(db, {
    raw,
    onPruned: options.onSessionsEnded,
    onTouchError: (err) => log.warn({ err }, 'Could not extend a session (database unreachable?)'),
  });
  const middleware = session({
    name: 'flashnotify.sid',
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: THIRTY_DAYS_MS },
  });
  const prune = setInterval(() => {
    store.prune().catch((err: unknown) => log.warn({ err }, 'Could not prune expired sessions'));
  }, PRUNE_INTERVAL_MS);
  prune.unref();
  return { middleware, close: () => clearInterval(prune) };
}
