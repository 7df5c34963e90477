import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { sessionHandle } from '../../presenters/session.js';

export interface EndOwnSessionProps {
  userId: string;
  /** The handle from the sessions list (presenters/session.ts). */
  handle: string;
  /** The session of the request, which this route does not end (that is "sign out"). */
  currentSid: string;
}

/**
 * Signs out one of the user's own sessions from another device: deletes it from the store (no node accepts
 * its cookie again) and disconnects its sockets on every node. A handle of someone else's session is a 404,
 * the same as one that does not exist.
 *
 * @throws HttpError 404 (not one of this user's sessions), 409 `current_session` (use sign out)
 * @example
 * await endOwnSession(ctx, { userId, handle: params.id, currentSid: req.sessionID });
 */
export async function endOwnSession(ctx: AppContext, { userId, handle, currentSid }: EndOwnSessionProps): Promise<void> {
  // A user has a handful of sessions: hashing each is cheaper than storing a second id per session.
  const sessions = await ctx.db.session.findMany({ where: { userId }, select: { sid: true } });
  const session = sessions.find((row) => sessionHandle(row.sid) === handle);
  if (!session) throw NotFoundError('session');
  if (session.sid === currentSid) throw new HttpError(409, 'current_session', 'This is the session you are using; sign out instead');
  await ctx.db.session.deleteMany({ where: { sid: session.sid, userId } });
  ctx.realtime.disconnectSession(session.sid);
}
