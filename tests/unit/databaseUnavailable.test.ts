import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../server/db/unavailable.js';
import { HttpError } from '../../server/errors.js';

/** Prisma's wrapper around a driver adapter error, as PrismaClientKnownRequestError carries it. */
const prisma = (code: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error(`Invalid invocation (${code})`), { code, clientVersion: '7.10.0', meta: cause ? { driverAdapterError: { name: 'DriverAdapterError', cause } } : {} });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['P1001 PostgreSQL refused the connection', prisma('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 })],
    ['P2010 raw query, database not reachable', prisma('P2010', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 })],
    ['P2039 57P01 admin shutdown (idle connection terminated by pg_ctl stop)', prisma('P2039', { kind: 'postgres', code: '57P01', severity: 'FATAL' })],
    ['57P03 the database system is starting up', prisma('P2039', { kind: 'postgres', code: '57P03', severity: 'FATAL' })],
    ['08006 connection failure', prisma('P2039', { kind: 'postgres', code: '08006', severity: 'FATAL' })],
    ['53300 too many connections', prisma('P2037', { kind: 'TooManyConnections' })],
    ['P1017 server closed the connection (ECONNRESET)', prisma('P1017', { kind: 'ConnectionClosed' })],
    ['P1008 timed out (SQLITE_BUSY past busy_timeout)', prisma('P1008', { kind: 'SocketTimeout' })],
    ['P2024 connection pool timeout', prisma('P2024')],
    ['SQLite disk I/O error (SQLITE_IOERR_WRITE)', prisma('P2039', { kind: 'sqlite', extendedCode: 778, message: 'disk I/O error' })],
    ['SQLite unable to open the file (SQLITE_CANTOPEN)', prisma('P2039', { kind: 'sqlite', extendedCode: 14, message: 'unable to open database file' })],
    ['PrismaClientInitializationError', Object.assign(new Error("Can't reach database server"), { errorCode: 'P1001' })],
    ['pg passed through: Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    ['pg pool: timeout exceeded when trying to connect', new Error('timeout exceeded when trying to connect')],
    ['node socket error', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', syscall: 'connect', errno: -111 })],
    ['pg DatabaseError 57P01 unwrapped', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' })],
    ['a wrapper whose cause is the outage', new Error('session lookup failed', { cause: prisma('P1001', { kind: 'DatabaseNotReachable' }) })],
    ['a DriverAdapterError itself', Object.assign(new Error('DriverAdapterError'), { cause: { kind: 'ConnectionClosed' } })],
  ])('%s → unavailable', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['P2002 unique constraint', prisma('P2002', { kind: 'UniqueConstraintViolation' })],
    ['P2025 record not found', prisma('P2025')],
    ['P2003 foreign key', prisma('P2003', { kind: 'ForeignKeyConstraintViolation' })],
    ['PostgreSQL 22P05 untranslatable character (a NUL byte: bad input, not an outage)', prisma('P2039', { kind: 'postgres', code: '22P05', severity: 'ERROR' })],
    ['SQLite constraint (extended 2067)', prisma('P2039', { kind: 'sqlite', extendedCode: 2067, message: 'UNIQUE constraint failed' })],
    ['an HttpError', new HttpError(400, 'validation_failed', 'Invalid request body')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a SQLSTATE-looking code without a severity', Object.assign(new Error('x'), { code: '08006' })],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('%s → not unavailable', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });

  it('stops following causes after a few levels (a cyclic cause cannot hang it)', () => {
    const a: { cause?: unknown } = {};
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
