import type { Tx } from '../../db/client.js';
import { isUniqueViolation } from '../uniqueViolation.js';

/**
 * The right to use one Idempotency-Key, handed by runIdempotent to the operation it guards. The operation
 * writes the key's record with its answer inside the transaction that does its work (the send's group
 * commit in raw SQL, or a Prisma transaction through writeIdempotencyRecord): the record commits with
 * the work or not at all. When the key turns out to be taken by a request that committed first, the
 * operation throws KeyTakenError and runIdempotent replays that request's answer.
 */
export interface IdempotencyClaim {
  /** Who owns the key: an API key's id, or `user:<id>` for an admin (see idempotencyScope). */
  scope: string;
  key: string;
  /** SHA-256 (hex) of the canonical request body: a retry with another body is a 422. */
  requestHash: string;
}

/** Thrown out of the operation's transaction when a duplicate committed the key first. */
export class KeyTakenError extends Error {
  constructor() {
    super('Idempotency-Key taken by a request that committed first');
  }
}

/**
 * Writes the key's record with its answer in a Prisma transaction (a scheduled send). Call it first in
 * that transaction: on PostgreSQL a concurrent duplicate's insert then waits on the unique index until
 * the first commits (or rolls back) instead of doing its work in vain.
 *
 * @throws KeyTakenError when the key is already used
 */
export async function writeIdempotencyRecord(tx: Tx, claim: IdempotencyClaim, answer: { status: number; body: unknown }): Promise<void> {
  try {
    await tx.idempotencyRecord.create({
      data: { scope: claim.scope, key: claim.key, requestHash: claim.requestHash, responseStatus: answer.status, responseBody: JSON.stringify(answer.body) },
    });
  } catch (err) {
    throw isUniqueViolation(err) ? new KeyTakenError() : err;
  }
}
