import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import { isUniqueViolation } from '../uniqueViolation.js';
import { IDEMPOTENCY_TTL_MS } from './purgeIdempotencyRecords.js';

export interface IdempotentResult {
  status: number;
  body: unknown;
  /** True when this is the remembered answer of an earlier request with the same key. */
  replayed: boolean;
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` count as the same request body. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Runs `operation` at most once per (API key, Idempotency-Key): a retry with the same key and body gets
 * the original answer; the same key with another body is a 422; a retry while the first is still running
 * is a 409. Failed operations are forgotten, so a corrected retry may reuse its key.
 */
export async function runIdempotent(
  db: Db,
  scope: { apiKeyId: string; key: string; body: unknown },
  operation: () => Promise<{ status: number; body: unknown }>,
): Promise<IdempotentResult> {
  const requestHash = createHash('sha256').update(canonicalJson(scope.body)).digest('hex');
  const where = { apiKeyId_key: { apiKeyId: scope.apiKeyId, key: scope.key } };
  try {
    await db.idempotencyRecord.create({ data: { apiKeyId: scope.apiKeyId, key: scope.key, requestHash } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await db.idempotencyRecord.findUnique({ where });
    if (existing && existing.createdAt.getTime() < Date.now() - IDEMPOTENCY_TTL_MS) {
      await db.idempotencyRecord.deleteMany({ where: { id: existing.id } });
      return runIdempotent(db, scope, operation);
    }
    if (!existing) return runIdempotent(db, scope, operation);
    if (existing.requestHash !== requestHash) {
      throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request body', [
        { path: 'Idempotency-Key', message: 'Use a new key for a different request' },
      ]);
    }
    if (existing.responseStatus === 0) {
      throw new HttpError(409, 'idempotency_key_in_progress', 'A request with this Idempotency-Key is still being processed');
    }
    return { status: existing.responseStatus, body: JSON.parse(existing.responseBody) as unknown, replayed: true };
  }

  try {
    const result = await operation();
    await db.idempotencyRecord.update({ where, data: { responseStatus: result.status, responseBody: JSON.stringify(result.body) } });
    return { ...result, replayed: false };
  } catch (err) {
    await db.idempotencyRecord.delete({ where }).catch(() => {});
    throw err;
  }
}
