import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import { KeyTakenError, type IdempotencyClaim } from './idempotencyClaim.js';
import { IDEMPOTENCY_TTL_MS } from './purgeIdempotencyRecords.js';

/** A request made with an `Idempotency-Key`. */
export interface IdempotentRequest {
  /** Who owns the key: an API key's id, or `user:<id>` for an admin (see idempotencyScope). */
  scope: string;
  key: string;
  /** The request body as received; key order does not matter. */
  body: unknown;
  /** Where the key was given, as a 422 names it: the `Idempotency-Key` header (default) or a bulk item's field. */
  keyField?: string;
}

/** The answer stored for a key and replayed for its retries. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

export interface IdempotentResult extends StoredAnswer {
  /** True when this is the remembered answer of an earlier request with the same key. */
  replayed: boolean;
}

/** Scopes keys per owner: an API key for `/api/v1`, a user for the admin composer. */
export const idempotencyScope = {
  apiKey: (apiKeyId: string) => apiKeyId,
  user: (userId: string) => `user:${userId}`,
};

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` count as the same request body. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

type IdempotencyRecordRow = NonNullable<Awaited<ReturnType<Db['idempotencyRecord']['findUnique']>>>;

/** Keys per lookup: two bind parameters each stays far below SQLite's 999. */
const LOOKUP_CHUNK = 400;

/**
 * The records of many keys of one scope, in a few queries (a bulk request's items). Needed because
 * Prisma merges the findUnique calls of one tick into ONE query: a thousand concurrent lookups by
 * (scope, key) would exceed SQLite's bind-parameter limit and fail.
 */
export async function findIdempotencyRecords(db: Db, scope: string, keys: readonly string[]): Promise<Map<string, IdempotencyRecordRow>> {
  const found = new Map<string, IdempotencyRecordRow>();
  const distinct = [...new Set(keys)];
  for (let i = 0; i < distinct.length; i += LOOKUP_CHUNK) {
    const rows = await db.idempotencyRecord.findMany({ where: { scope, key: { in: distinct.slice(i, i + LOOKUP_CHUNK) } } });
    for (const row of rows) found.set(row.key, row);
  }
  return found;
}

/**
 * The stored answer for this key, if a request with it committed (422 when that request had another
 * body). `known`: the key's record as already read (null: none), instead of reading it now.
 */
async function findAnswer(db: Db, request: IdempotentRequest, requestHash: string, known?: IdempotencyRecordRow | null): Promise<StoredAnswer | undefined> {
  const existing = known !== undefined ? known : await db.idempotencyRecord.findUnique({ where: { scope_key: { scope: request.scope, key: request.key } } });
  if (!existing) return undefined;
  // Expired, or left "in progress" by a process that died under the former two-step protocol (records
  // are now only ever committed with their answer): as if never used.
  if (existing.responseStatus === 0 || existing.createdAt.getTime() < Date.now() - IDEMPOTENCY_TTL_MS) {
    await db.idempotencyRecord.deleteMany({ where: { id: existing.id } });
    return undefined;
  }
  if (existing.requestHash !== requestHash) {
    const field = request.keyField ?? 'Idempotency-Key';
    throw new HttpError(422, 'idempotency_key_reused', `This ${field} was used with a different request body`, [
      { path: field, message: 'Use a new key for a different request' },
    ]);
  }
  return { status: existing.responseStatus, body: JSON.parse(existing.responseBody) as unknown };
}

/**
 * Runs `operation` at most once per (scope, Idempotency-Key). A retry with the same key and body gets
 * the original answer; the same key with another body is a 422. The operation must write the key's
 * record with its answer inside its own transaction (see IdempotencyClaim), so a crash can never leave the key half-used: before the commit
 * nothing happened and a retry runs again; after it the retry replays the answer. A concurrent duplicate
 * waits for the first at that commit and then gets its answer. Failed operations leave nothing behind,
 * so a corrected retry may reuse its key.
 *
 * @example
 * const result = await runIdempotent(db, { scope: apiKeyId, key, body: req.body }, (claim) => createSend(ctx, { input, sender, idempotency: claim }));
 */
export async function runIdempotent(
  db: Db,
  request: IdempotentRequest,
  operation: (claim: IdempotencyClaim) => Promise<StoredAnswer>,
  /** The key's record as already read (findIdempotencyRecords; null: none), so it is not read again. */
  known?: IdempotencyRecordRow | null,
): Promise<IdempotentResult> {
  const requestHash = createHash('sha256').update(canonicalJson(request.body)).digest('hex');
  const stored = await findAnswer(db, request, requestHash, known);
  if (stored) return { ...stored, replayed: true };

  try {
    return { ...(await operation({ scope: request.scope, key: request.key, requestHash })), replayed: false };
  } catch (err) {
    if (!(err instanceof KeyTakenError)) throw err;
    // A duplicate committed first; this transaction rolled back, so nothing was sent twice.
    const winner = await findAnswer(db, request, requestHash);
    if (winner) return { ...winner, replayed: true };
    // The winner's record is gone again (purged, or its transaction rolled back after all): retry once more.
    return runIdempotent(db, request, operation);
  }
}
