import type { UserTokenSecretDto } from '../../../shared/schemas/userTokens.js';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { presentUserTokenSecret, USER_TOKEN_SECRET_SELECT } from './userTokenSecrets.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';

/**
 * Revokes a user-token secret: every token signed with it is refused from the next request on, on every
 * node (the verifiers' caches drop it on the invalidation bus's `userTokenSecret` message, published before
 * this returns), and the sockets opened with such tokens are disconnected everywhere. Idempotent: revoking
 * again keeps the first `revokedAt`.
 *
 * @throws HttpError 404 `not_found` for an unknown id
 */
export async function revokeUserTokenSecret(
  ctx: Pick<AppContext, 'db' | 'invalidation' | 'realtime'>,
  { id, actor }: { id: string; actor: AuditActor },
): Promise<UserTokenSecretDto> {
  // Conditional, so two concurrent revocations cannot move the first timestamp.
  const { count } = await ctx.db.userTokenSecret.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await ctx.db.userTokenSecret.findUnique({ where: { id }, select: USER_TOKEN_SECRET_SELECT });
  if (!row) throw NotFoundError('user-token secret');
  // One update, no transaction: the event follows it (none for a repeat, which changed nothing).
  if (count > 0) await appendAuditEvent(ctx.db, actor, { action: 'user_token_secret.revoked', target: { type: 'user_token_secret', id } });
  await ctx.invalidation.publish('userTokenSecret', id);
  ctx.realtime.disconnectUserTokenSecret(id);
  return presentUserTokenSecret(row);
}
