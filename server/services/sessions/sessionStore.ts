import session from 'express-session';
import type { Db } from '../../db/client.js';
import { dateFromSql, sqlTimestampColumn, type RawDatabase } from '../../db/rawDatabase.js';
import { retryOnUniqueViolation } from '../uniqueViolation.js';

/** Used when a session has no cookie expiry (express-session's default cookie is a browser-session cookie). */
const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
/** Expired rows deleted per statement while pruning; the loop continues until none is left. */
const PRUNE_BATCH = 500;

export interface DbSessionStoreOptions {
  /**
   * Told which sessions pruning deleted, so their sockets can be disconnected (on every node): a socket
   * must not outlive its session.
   */
  onPruned?: (sessionIds: string[]) => void;
  /** Told about a touch that failed: the request itself already succeeded (see touch()). */
  onTouchError?: (err: unknown) => void;
  /**
   * The hot path's connection: when given, sessions are read with one prepared statement on it instead of
   * through the ORM. Every signed-in request and socket handshake reads its session; in a reconnect storm
   * the ORM's share of that read was a sixth of the node's CPU.
   */
  raw?: RawDatabase;
}

/** The expiry of a session as express-session describes it (cookie.expires, a Date or its JSON string). */
function expiryOf(data: session.SessionData): Date {
  const expires = data.cookie?.expires;
  return expires ? new Date(expires) : new Date(Date.now() + DEFAULT_TTL_MS);
}

/**
 * Calls a store callback with the outcome of `work`, on a later tick: express-session continues the
 * request inside the callback, and nothing it throws may land in this promise chain.
 */
function deliver<T>(work: Promise<T>, callback: ((err: unknown, value?: T) => void) | undefined): void {
  work.then(
    (value) => process.nextTick(() => callback?.(null, value)),
    (err: unknown) => process.nextTick(() => callback?.(err)),
  );
}

/**
 * express-session's store on the `Session` table (SQLite and PostgreSQL alike, shared by every node).
 *
 * Written for this app instead of @quixo3/prisma-session-store because that store reports a failed query
 * as "no session" (`get` catches the error and answers nothing; an unreachable database disables it and
 * `get`/`set`/`destroy` then succeed without doing anything): during a database outage every signed-in
 * request became a false 401, a login "succeeded" without a stored session and a logout left its session
 * behind. Here every read and write error reaches express-session, which passes it to the error handler
 * (503 while the database is unreachable). Pruning is one batched delete (the library loaded every
 * session and deleted them one by one) and reports what it removed.
 *
 * `expiresAt` is the authority on expiry: `get` reports it as the cookie's expiry, so whoever reads
 * `req.session.cookie.expires` (the socket handshake does) sees the expiry that `touch` last extended.
 *
 * @example
 * const store = new DbSessionStore(db, { onPruned: (sids) => realtime.disconnectSessions(sids) });
 * app.use(session({ store, secret, resave: false, saveUninitialized: false }));
 */
export class DbSessionStore extends session.Store {
  constructor(
    private readonly db: Db,
    private readonly options: DbSessionStoreOptions = {},
  ) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    deliver(this.read(sid), callback);
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    // The owner is copied to its own column, so a user's sessions are found by an index (sessions page,
    // "sign out everywhere else", a password change) rather than by scanning every session's JSON.
    const fields = { data: JSON.stringify(data), expiresAt: expiryOf(data), userId: data.userId ?? null, lastSeenAt: new Date() };
    // Two requests of one brand-new session may both insert: the retry updates the winner's row.
    const write = retryOnUniqueViolation(() => this.db.session.upsert({ where: { sid }, update: fields, create: { id: sid, sid, ...fields } }));
    deliver(write, callback);
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    deliver(this.db.session.deleteMany({ where: { sid } }), callback);
  }

  /**
   * Extends the expiry after a request that did not change the session (express-session calls it once the
   * response is written), and records the request as the session's `lastSeenAt` (the sessions page shows
   * it). Only `expiresAt` and `lastSeenAt` are written, so a touch never overwrites data another request
   * changed meanwhile. A failure is reported to `onTouchError` and not to express-session: it would hand
   * it to the error handler after the response has been sent, and the session is still valid until its
   * current expiry anyway.
   */
  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    const write = this.db.session.updateMany({ where: { sid }, data: { expiresAt: expiryOf(data), lastSeenAt: new Date() } }).catch((err: unknown) => {
      this.options.onTouchError?.(err);
    });
    deliver(write, callback);
  }

  /** The stored session, or null when there is none or it has expired. */
  private async read(sid: string): Promise<session.SessionData | null> {
    const row = await this.readRow(sid);
    if (!row || row.expiresAt.getTime() <= Date.now()) return null;
    const data = JSON.parse(row.data) as session.SessionData;
    data.cookie = { ...data.cookie, expires: row.expiresAt.toISOString() } as unknown as session.Cookie;
    return data;
  }

  private async readRow(sid: string): Promise<{ data: string; expiresAt: Date } | null> {
    const raw = this.options.raw;
    if (!raw) return this.db.session.findUnique({ where: { sid }, select: { data: true, expiresAt: true } });
    const [row] = await raw.read((sql) =>
      sql.all<{ data: string; expiresAt: unknown }>(`SELECT "data", ${sqlTimestampColumn(sql, 'expiresAt')} FROM "Session" WHERE "sid" = ?`, [sid]),
    );
    return row ? { data: row.data, expiresAt: dateFromSql(row.expiresAt) } : null;
  }

  /**
   * Deletes every expired session, in batches, and reports their ids to `onPruned`.
   *
   * @returns how many sessions were deleted
   */
  async prune(now = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.db.session.findMany({ where: { expiresAt: { lte: now } }, select: { sid: true }, take: PRUNE_BATCH });
      if (expired.length === 0) return total;
      const sids = expired.map((row) => row.sid);
      await this.db.session.deleteMany({ where: { sid: { in: sids }, expiresAt: { lte: now } } });
      this.options.onPruned?.(sids);
      total += sids.length;
      if (expired.length < PRUNE_BATCH) return total;
    }
  }
}
