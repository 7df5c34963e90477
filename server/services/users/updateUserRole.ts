import type { UserDto } from '../../../shared/schemas/directory.js';
import type { Role } from '../../../shared/types.js';
import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { presentUser } from '../../presenters/directory.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';

export interface UpdateUserRoleProps {
  /** The admin making the change (`actor.id`: their user id). */
  actor: AuditActor;
  userId: string;
  role: Role;
}

/**
 * Sets a user's role. An admin cannot demote themselves: the acting admin always stays one, so the
 * installation can never lose its last admin through this endpoint.
 *
 * The role is re-read, not re-logged-in: sessions keep no role (requireAdmin reads it from the database on
 * every request), so a demotion applies to the next request without signing the user out. Their sockets
 * are disconnected on every node, so each reconnect passes the handshake again under the new role and
 * nothing opened under the old one stays open. Setting the same role again changes nothing.
 *
 * @example
 * await updateUserRole(ctx, { actor: auditActor(req, res), userId, role: 'user' });
 */
export async function updateUserRole(ctx: AppContext, { actor, userId, role }: UpdateUserRoleProps): Promise<UserDto> {
  if (userId === actor.id && role !== 'admin') {
    throw new HttpError(409, 'cannot_demote_self', 'You cannot remove your own admin role; ask another admin');
  }
  const user = await ctx.db.user.findUnique({ where: { id: userId } });
  if (!user) throw NotFoundError('user');
  if (user.role === role) return presentUser(user);
  const updated = await ctx.db.user.update({ where: { id: userId }, data: { role } });
  // One update, no transaction: the event follows it.
  await appendAuditEvent(ctx.db, actor, { action: 'user.role_changed', target: { type: 'user', id: userId }, before: { role: user.role }, after: { role } });
  ctx.realtime.disconnectUser(userId);
  return presentUser(updated);
}
