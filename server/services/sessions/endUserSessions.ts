import type { AppContext } from '../../context.js';

export interface EndUserSessionsProps {
  userId: string;
  /** The session making the change (e.g. a password change in this tab) stays signed in. */
  exceptSessionId?: string;
}

/**
 * Ends every login session of one user (password set or reset, account removal): deletes
 * them from the session store, so no node accepts their cookies again, then disconnects every socket the
 * user has opened with them, on every node (the Redis adapter carries the disconnect).
 *
 * Sessions are found by the user id inside the serialized session (`"userId":"<id>"`): the store keeps
 * express-session's JSON and has no user column; ids are cuids, so the match is exact.
 *
 * @returns how many sessions were deleted
 * @example
 * await endUserSessions(ctx, { userId, exceptSessionId: req.sessionID });
 */
export async function endUserSessions(ctx: AppContext, { userId, exceptSessionId }: EndUserSessionsProps): Promise<number> {
  const { count } = await ctx.db.session.deleteMany({
    where: {
      data: { contains: `"userId":${JSON.stringify(userId)}` },
      ...(exceptSessionId ? { NOT: { sid: exceptSessionId } } : {}),
    },
  });
  ctx.realtime.disconnectUser(userId, { exceptSessionId });
  return count;
}
