import type { AppContext } from '../../context.js';

export interface EndUserSessionsProps {
  userId: string;
  /** The session making the change (e.g. a password change in this tab) stays signed in. */
  exceptSessionId?: string;
}

/**
 * Ends every login session of one user (password set, reset or changed, "sign out everywhere else"): deletes
 * them from the session store, so no node accepts their cookies again, then disconnects every socket the
 * user has opened with them, on every node (the Redis adapter carries the disconnect).
 *
 * Sessions are found by their `userId` column, which the session store copies from the session data on
 * every write (and the `accounts` migration filled in for sessions stored before it).
 *
 * @returns how many sessions were deleted
 * @example
 * await endUserSessions(ctx, { userId, exceptSessionId: req.sessionID });
 */
export async function endUserSessions(ctx: AppContext, { userId, exceptSessionId }: EndUserSessionsProps): Promise<number> {
  const { count } = await ctx.db.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { NOT: { sid: exceptSessionId } } : {}) },
  });
  ctx.realtime.disconnectUser(userId, { exceptSessionId });
  return count;
}
