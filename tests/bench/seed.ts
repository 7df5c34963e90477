/**
 * Signed-in users in bulk, without passwords or sign-ins (argon2 and the sign-in limits would take
 * minutes for 10,000): user rows are inserted with multi-row SQL, and sessions are written into the
 * `Session` table exactly as the server's store (server/services/sessions/sessionStore.ts) keeps what
 * express-session hands it, for the cookies sessions.ts signs. The server then treats them like any
 * sign-in: cookie → store → `userId`.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../server/db/client.js';
import { Prisma } from '../../server/generated/sqlite/client.js';
import { benchUserId, type BenchSession } from './sessions.js';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;
/** Rows per multi-row INSERT: 5 parameters a row stays far below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;
/** Rows per transaction: fast, yet the server is never kept waiting long for the write lock. */
const PER_TRANSACTION = 10_000;

/** Inserts users `from` … `to - 1` (`benchUserId(i)`, `bench<i>@bench.test`), oldest first. */
export async function insertUsers(db: Db, from: number, to: number): Promise<void> {
  const base = Date.now() - (to - from) - 1000;
  for (let start = from; start < to; start += PER_TRANSACTION) {
    const end = Math.min(to, start + PER_TRANSACTION);
    await db.$transaction(async (tx) => {
      for (let i = start; i < end; i += CHUNK) {
        const rows = Array.from({ length: Math.min(CHUNK, end - i) }, (_, k) => {
          const n = i + k;
          // createdAt one ms apart: "everyone" is read oldest first, and each user's place stays fixed.
          const createdAt = new Date(base + n - from);
          return Prisma.sql`(${benchUserId(n)}, ${`bench${n}@bench.test`}, ${`Bench ${n}`}, ${createdAt}, ${createdAt})`;
        });
        await tx.$executeRaw`INSERT INTO "User" ("id", "email", "name", "createdAt", "updatedAt") VALUES ${Prisma.join(rows)}`;
      }
    });
  }
}

/** Stores sessions as the server's store does: one row each, signed in as its user, valid 30 days. */
export async function insertSessions(db: Db, sessions: BenchSession[]): Promise<void> {
  const expires = new Date(Date.now() + THIRTY_DAYS_MS);
  // What express-session serializes: the cookie's options and the session's fields (routes/auth.ts sets userId),
  // and the owner column the store copies from them.
  const cookie = { originalMaxAge: THIRTY_DAYS_MS, expires: expires.toISOString(), secure: false, httpOnly: true, path: '/', sameSite: 'lax' };
  for (let start = 0; start < sessions.length; start += PER_TRANSACTION) {
    const slice = sessions.slice(start, start + PER_TRANSACTION);
    await db.$transaction(async (tx) => {
      for (let i = 0; i < slice.length; i += CHUNK) {
        const rows = slice.slice(i, i + CHUNK).map(({ sid, userId }) => Prisma.sql`(${sid}, ${sid}, ${JSON.stringify({ cookie, userId })}, ${expires}, ${userId})`);
        await tx.$executeRaw`INSERT INTO "Session" ("id", "sid", "data", "expiresAt", "userId") VALUES ${Prisma.join(rows)}`;
      }
    });
  }
}

/**
 * Inserts `count` notifications created at `createdAt` (past retention, figure 10), spread over `userIds`, with
 * negative seqs (never replayed to a socket, never in the way of the seqs the server hands out), in the
 * server's `general` category; in transactions of PER_TRANSACTION rows, so the server's writes go on between them.
 */
export async function insertBacklog(db: Db, userIds: string[], count: number, createdAt: Date): Promise<void> {
  for (let start = 0; start < count; start += PER_TRANSACTION) {
    const end = Math.min(count, start + PER_TRANSACTION);
    await db.$transaction(async (tx) => {
      for (let i = start; i < end; i += CHUNK) {
        const rows = Array.from({ length: Math.min(CHUNK, end - i) }, (_, k) => {
          const n = i + k;
          const seq = -1 - Math.floor(n / userIds.length);
          return Prisma.sql`(${randomUUID()}, ${userIds[n % userIds.length]!}, ${seq}, 'general', 'normal', ${`Old ${n}`}, '', ${createdAt})`;
        });
        await tx.$executeRaw`INSERT INTO "Notification" ("id", "userId", "seq", "category", "priority", "title", "body", "createdAt") VALUES ${Prisma.join(rows)}`;
      }
    });
  }
}
