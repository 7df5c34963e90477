import type { UserDto } from '../../../shared/schemas/directory.js';
import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { presentUser } from '../../presenters/directory.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { isUniqueViolation } from '../uniqueViolation.js';

/** 409 naming the field: another user is already known to the host app by this id. */
export const ExternalIdTakenError = () =>
  new HttpError(409, 'external_id_taken', 'Another user already has this external id', [
    { path: 'externalId', message: 'Already used by another user' },
  ]);

/**
 * Links a user to the id a host app knows them by (`externalId`), or unlinks them (`null`): the one way to give
 * an existing account — an invited user, a demo account — the identity that user tokens (`sub`) and
 * `/api/v1/users/{externalId}` name. Admin-only on purpose: `PUT /api/v1/users/{externalId}` with the email of a
 * user who has no such link answers 409 `email_taken` instead of linking, because an API key that could claim
 * any account by its email would let whoever also holds a signing secret read that account's inbox.
 *
 * When the link changes, the user's sockets are disconnected on every node (they reconnect and replay what
 * they missed): a token socket was opened for the old id, which may now name someone else. Setting the same
 * value again changes nothing. The audit event says whether the user was linked before and after, not to which
 * id: an external id names a person in the host app, and the audit log outlives the person.
 *
 * @throws NotFoundError (404) for an unknown user; ExternalIdTakenError (409) when another user has the id.
 *
 * @example
 * await setUserExternalId(ctx, { userId, externalId: 'crm-42', actor: auditActor(req, res) });
 */
export async function setUserExternalId(
  ctx: AppContext,
  { userId, externalId, actor }: { userId: string; externalId: string | null; actor: AuditActor },
): Promise<UserDto> {
  const user = await ctx.db.user.findUnique({ where: { id: userId } });
  if (!user) throw NotFoundError('user');
  if (user.externalId === externalId) return presentUser(user);
  let updated;
  try {
    updated = await ctx.db.user.update({ where: { id: userId }, data: { externalId } });
  } catch (err) {
    if (isUniqueViolation(err)) throw ExternalIdTakenError();
    throw err;
  }
  // One update, no transaction: the event follows it.
  await appendAuditEvent(ctx.db, actor, {
    action: 'user.external_id_changed',
    target: { type: 'user', id: userId },
    before: { linked: user.externalId !== null },
    after: { linked: externalId !== null },
  });
  // Even from null: a concurrent change may have linked the user between the read and this update.
  ctx.realtime.disconnectUser(userId);
  return presentUser(updated);
}
