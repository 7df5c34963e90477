import type { CreatedUserTokenSecret, RotateUserTokenSecretInput } from '../../../shared/schemas/userTokens.js';
import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { generateUserTokenSecretId, generateUserTokenSecretValue, presentUserTokenSecret, USER_TOKEN_SECRET_SELECT } from './userTokenSecrets.js';

export interface RotateUserTokenSecretProps {
  id: string;
  input: RotateUserTokenSecretInput;
  createdById?: string;
  actor: AuditActor;
}

/**
 * Rotates a user-token secret without a gap: creates its successor (same name, new `kid` and key) and
 * gives the old one an end `overlapSeconds` from now, so tokens the host signed before switching keep
 * working until then. Only an `active` secret (no end yet) rotates; one already retiring keeps its end.
 * Sockets opened with the old secret's tokens end with their tokens (at the latest at its end: a refresh
 * must then bring a token signed with the successor).
 *
 * @throws HttpError 404 `not_found`; 409 `secret_not_active` for a secret already rotated, expired or revoked
 */
export async function rotateUserTokenSecret(
  ctx: Pick<AppContext, 'db' | 'invalidation'>,
  { id, input, createdById, actor }: RotateUserTokenSecretProps,
): Promise<CreatedUserTokenSecret> {
  const now = new Date();
  const secret = generateUserTokenSecretValue();
  const successorId = generateUserTokenSecretId();
  const result = await ctx.db.$transaction(async (tx) => {
    const old = await tx.userTokenSecret.findUnique({ where: { id }, select: { name: true } });
    if (!old) return undefined;
    // Conditional: of two concurrent rotations one wins; the other finds the secret no longer active.
    const { count } = await tx.userTokenSecret.updateMany({
      where: { id, revokedAt: null, expiresAt: null },
      data: { expiresAt: new Date(now.getTime() + input.overlapSeconds * 1000), replacedById: successorId },
    });
    if (count === 0) return 'not_active' as const;
    const created = await tx.userTokenSecret.create({
      data: { id: successorId, name: old.name, secret, createdById: createdById ?? null },
      select: USER_TOKEN_SECRET_SELECT,
    });
    const replaced = await tx.userTokenSecret.findUniqueOrThrow({ where: { id }, select: USER_TOKEN_SECRET_SELECT });
    await appendAuditEvent(tx, actor, {
      action: 'user_token_secret.rotated',
      target: { type: 'user_token_secret', id },
      after: { successorId, expiresAt: replaced.expiresAt?.toISOString() ?? null },
    });
    return { created, replaced };
  });
  if (result === undefined) throw NotFoundError('user-token secret');
  if (result === 'not_active') {
    throw new HttpError(409, 'secret_not_active', 'Only an active secret can be rotated: this one was already rotated, has expired or was revoked', [
      { path: 'id', message: 'Not an active secret' },
    ]);
  }
  await ctx.invalidation.publish('userTokenSecret', id);
  return { userTokenSecret: presentUserTokenSecret(result.created), secret, replaced: presentUserTokenSecret(result.replaced) };
}
