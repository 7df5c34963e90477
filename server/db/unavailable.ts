/**
 * Recognises "the database is not there right now" among the errors Prisma and its driver adapters
 * raise, so callers can answer 503 + Retry-After (a dependency outage) instead of 500 (a bug in this
 * code) or a false 401 (a session store that read "no row" into a failed query).
 *
 * Shapes seen here (Prisma 7 with @prisma/adapter-pg and @prisma/adapter-better-sqlite3):
 * - `PrismaClientKnownRequestError` with `code` P1001 (can't reach: ECONNREFUSED/ENOTFOUND), P1002
 *   (timed out reaching), P1008 (operation timed out: SQLITE_BUSY, ETIMEDOUT), P1017 (server closed the
 *   connection: ECONNRESET), P2024 (pool timeout), P2037 (too many connections);
 * - the same wrapper with another code (P2010 raw query, P2039 generic) whose
 *   `meta.driverAdapterError.cause` carries the adapter's `kind` (DatabaseNotReachable, ConnectionClosed,
 *   SocketTimeout, TooManyConnections), or `kind: "postgres"` with a SQLSTATE: class 08 (connection
 *   exception), 57P01/57P02/57P03 (admin/crash shutdown, starting up), class 53 (insufficient resources);
 *   or `kind: "sqlite"` with an extended result code whose primary code is BUSY, LOCKED, IOERR, FULL
 *   or CANTOPEN;
 * - `PrismaClientInitializationError` with `errorCode` P1001…;
 * - better-sqlite3's own `SqliteError` (server/db/rawDatabase.ts) with `code` SQLITE_BUSY, SQLITE_IOERR_…;
 * - errors the pg adapter passes through unmapped: node socket errors (`code` ECONNREFUSED, EPIPE…) and
 *   pg's own "Connection terminated unexpectedly" / "timeout exceeded when trying to connect".
 * Errors are followed through `cause` (a few levels), as wrappers keep the original there.
 */

const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const SOCKET_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED',
]);
/** SQLSTATE: 08xxx connection exception, 57P01-57P03 shutting down / starting up, 53xxx out of resources. */
const PG_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[123]|53[0-9A-Z]{3})$/;
/** SQLite primary result codes (the low byte of an extended code). */
const SQLITE_UNAVAILABLE = new Set([5 /* BUSY */, 6 /* LOCKED */, 10 /* IOERR */, 13 /* FULL */, 14 /* CANTOPEN */]);
const SQLITE_RAW_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN)(_|$)/;
const PG_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

interface ErrorLike {
  code?: unknown;
  errorCode?: unknown;
  message?: unknown;
  severity?: unknown;
  kind?: unknown;
  extendedCode?: unknown;
  meta?: { driverAdapterError?: { cause?: ErrorLike } };
  cause?: unknown;
}

/** What a driver adapter reports (`DriverAdapterError.cause`, or Prisma's `meta.driverAdapterError.cause`). */
function adapterCauseUnavailable(cause: ErrorLike | undefined): boolean {
  if (!cause || typeof cause.kind !== 'string') return false;
  if (ADAPTER_KINDS.has(cause.kind)) return true;
  if (cause.kind === 'postgres') return typeof cause.code === 'string' && PG_UNAVAILABLE.test(cause.code);
  if (cause.kind === 'sqlite') return typeof cause.extendedCode === 'number' && SQLITE_UNAVAILABLE.has(cause.extendedCode & 0xff);
  return false;
}

/**
 * True when `err` (or an error it wraps) says the database is unreachable, closed the connection, is
 * shutting down or starting up, is out of connections, or did not answer in time.
 *
 * @example
 * if (isDatabaseUnavailable(err)) return res.status(503).set('Retry-After', '5');
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as ErrorLike;
  if (typeof e.code === 'string') {
    if (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code)) return true;
    // better-sqlite3's SqliteError (the hot path's own connection): `SQLITE_BUSY`, `SQLITE_IOERR_WRITE`, …
    if (SQLITE_RAW_UNAVAILABLE.test(e.code)) return true;
    // pg's DatabaseError carries the SQLSTATE in `code` and always has a severity.
    if (typeof e.severity === 'string' && PG_UNAVAILABLE.test(e.code)) return true;
  }
  if (typeof e.errorCode === 'string' && PRISMA_CODES.has(e.errorCode)) return true;
  if (adapterCauseUnavailable(e.meta?.driverAdapterError?.cause)) return true;
  if (typeof e.message === 'string' && PG_MESSAGES.test(e.message)) return true;
  const cause = e.cause as ErrorLike | undefined;
  return adapterCauseUnavailable(cause) || isDatabaseUnavailable(cause, depth + 1);
}
