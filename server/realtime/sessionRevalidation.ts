import type { AppContext } from '../context.js';
import { endUserSessions } from '../services/sessions/endUserSessions.js';
import { readSessionStates } from '../services/sessions/readSessionStates.js';
import { readUserTokenStates } from '../services/userTokens/readUserTokenStates.js';
import { handshakeSessionExpiry } from './handshakeSession.js';
import type { IoServer, IoSocket } from './socketServer.js';
import { endUserTokenSocketBySecret } from './userTokenSockets.js';

/** setTimeout's ceiling (~24.8 days); a 30-day session expiry is reached in two steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type SessionSocket = IoSocket & { data: Extract<IoSocket['data'], { via: 'session' }> };

/**
 * The user-token sockets' share of a sweep: those whose secret was revoked or has ended, or whose user row
 * is gone, are disconnected, and those of a retiring secret end with it at the latest (readUserTokenStates: a few queries for all of them). Their revocation disconnects them at once; this
 * catches a disconnect broadcast lost while Redis was down and a row deleted behind the app's back.
 */
async function sweepUserTokenSockets(ctx: Pick<AppContext, 'db'>, sockets: IoSocket[]): Promise<void> {
  if (sockets.length === 0) return;
  const secretIds = [...new Set(sockets.flatMap((s) => (s.data.via === 'userToken' && s.data.secretId ? [s.data.secretId] : [])))];
  const userIds = [...new Set(sockets.map((s) => s.data.userId))];
  const { liveSecrets, liveUsers } = await readUserTokenStates(ctx.db, { secretIds, userIds });
  for (const socket of sockets) {
    const { data } = socket;
    if (data.via !== 'userToken' || !socket.connected) continue;
    if (!liveUsers.has(data.userId) || (data.secretId !== null && !liveSecrets.has(data.secretId))) socket.disconnect(true);
    else if (data.secretId !== null) endUserTokenSocketBySecret(socket, liveSecrets.get(data.secretId));
  }
}

/** Keeps this node's sockets tied to live sessions. */
export interface SessionRevalidation {
  /** Re-validates every socket of this node now (the timer calls it; tests may too). */
  sweep(): Promise<void>;
  stop(): void;
}

/**
 * Re-validates the sockets of this node. Every socket gets a hard stop at its session's expiry (as read at
 * the handshake, moved when a sweep sees it extended). Every `intervalMs` (± 25 % jitter, so nodes started
 * together do not query in lockstep) one batched read of all their sessions (readSessionStates: a constant
 * number of queries, not one per socket) disconnects each socket whose session is gone, has expired, is
 * now another user's, or whose user row was deleted; the sessions of deleted users are ended as well.
 *
 * This catches what no event announces: a session row deleted directly in the database, an expiry that
 * passed while the socket stayed open, and a disconnect broadcast lost while Redis was down. A failed
 * sweep (database unreachable) disconnects nobody: availability first; the next sweep tries again.
 *
 * @example
 * const revalidation = startSessionRevalidation(io, ctx, ctx.config.socketRevalidateMs);
 * // on shutdown:
 * revalidation.stop();
 */
export function startSessionRevalidation(io: IoServer, ctx: AppContext, intervalMs: number): SessionRevalidation {
  const hardStops = new Map<string, NodeJS.Timeout>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const clearHardStop = (socket: IoSocket) => {
    clearTimeout(hardStops.get(socket.id));
    hardStops.delete(socket.id);
  };
  const armHardStop = (socket: IoSocket, expiresAt: Date) => {
    clearHardStop(socket);
    const fire = () => {
      if (Date.now() >= expiresAt.getTime()) socket.disconnect(true);
      else armHardStop(socket, expiresAt);
    };
    const handle = setTimeout(fire, Math.min(Math.max(0, expiresAt.getTime() - Date.now()), MAX_TIMER_MS));
    handle.unref();
    hardStops.set(socket.id, handle);
  };

  const sweep = async () => {
    const all = [...io.of('/').sockets.values()];
    if (all.length === 0) return;
    const sockets = all.filter((s): s is SessionSocket => s.data.via === 'session');
    const states = await readSessionStates(ctx.db, [...new Set(sockets.map((s) => s.data.sessionId))]);
    const now = Date.now();
    const orphanedUsers = new Set<string>();
    for (const socket of sockets) {
      if (!socket.connected) continue; // left during the query
      const state = states.get(socket.data.sessionId);
      if (state?.userId === socket.data.userId && state.userExists && state.expiresAt.getTime() > now) {
        armHardStop(socket, state.expiresAt);
        continue;
      }
      if (state?.userId && !state.userExists) orphanedUsers.add(state.userId);
      socket.disconnect(true);
    }
    // A user row deleted behind the app's back leaves sessions that requireUser would still accept.
    for (const userId of orphanedUsers) await endUserSessions(ctx, { userId });
    await sweepUserTokenSockets(ctx, all.filter((s) => s.data.via === 'userToken'));
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      sweep()
        .catch((err: unknown) => ctx.log.warn({ err }, 'Socket session re-validation failed; sockets kept until the next sweep'))
        .finally(schedule);
    }, intervalMs * (0.75 + Math.random() * 0.5));
    timer.unref();
  };
  schedule();
  io.on('connection', (socket) => {
    socket.once('disconnect', () => clearHardStop(socket));
    if (socket.data.via !== 'session') return; // a token socket ends with its token (keepUserTokenSocket)
    const expiresAt = handshakeSessionExpiry(socket);
    if (expiresAt) armHardStop(socket, expiresAt);
  });

  return {
    sweep,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      for (const handle of hardStops.values()) clearTimeout(handle);
      hardStops.clear();
    },
  };
}
