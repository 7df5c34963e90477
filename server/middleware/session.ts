import { PrismaSessionStore } from '@quixo3/prisma-session-store';
import session from 'express-session';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    role?: string;
  }
}

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * express-session backed by the database, so sessions survive restarts and are shared by every node
 * in scale-out mode. The cookie is httpOnly and SameSite=Lax: never readable by scripts and not sent on
 * cross-site POSTs; CSRF tokens cover the rest.
 */
export function createSessionMiddleware(config: Config, db: Db, secret: string, log: Logger) {
  const store = new PrismaSessionStore(db as never, {
    checkPeriod: 10 * 60 * 1000,
    dbRecordIdIsSessionId: true,
    // Parallel requests from one tab touch the same session; the store would otherwise warn and drop them.
    enableConcurrentSetInvocationsForSameSessionID: true,
    enableConcurrentTouchInvocationsForSameSessionID: true,
    logger: { log: () => {}, warn: (m: string) => log.warn(m), error: (m: string) => log.error(m) } as Console,
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
  return { middleware, close: () => store.shutdown() };
}
