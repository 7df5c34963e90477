import type { ServerToClientEvents } from '../../shared/events.js';
import { sessionRoom, userRoom, userTokenSecretRoom } from './rooms.js';
import type { IoServer } from './socketServer.js';

/** Sends one typed event to every socket of one user. Services call it only after their transaction commits. */
export type Publish = <E extends keyof ServerToClientEvents>(
  userId: string,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
) => void;

/** What services may do with sockets; a plain interface so CLI scripts can pass a no-op. */
export interface RealtimePublisher {
  publish: Publish;
  /**
   * False only when a publish to `userId` can reach nobody: one node (no Redis adapter) and none of the
   * user's sockets connected to it. A fan-out skips presenting and encoding events for them (a broadcast to
   * 100,000 users with 10,000 connected built 200,000 packets for empty rooms). True whenever in doubt.
   */
  reaches(userId: string): boolean;
  /** Disconnects every socket opened with this login session (logout, a login replacing it), on every node. */
  disconnectSession(sessionId: string): void;
  /** The same for many sessions in one adapter message (expired sessions pruned, sessions found invalid). */
  disconnectSessions(sessionIds: string[]): void;
  /** Disconnects every socket opened with a user token signed by this secret, on every node (its revocation). */
  disconnectUserTokenSecret(secretId: string): void;
  /** Disconnects every socket of one user, on every node, but those of `exceptSessionId` when given. */
  disconnectUser(userId: string, options?: { exceptSessionId?: string }): void;
}

/**
 * A publisher over a Socket.IO server; with the Redis adapter (`scaledOut`) the emit reaches whichever
 * node holds the user's sockets, so every user may be reached.
 */
export function createPublisher(io: IoServer, { scaledOut }: { scaledOut: boolean }): RealtimePublisher {
  return {
    publish: (userId, event, ...args) => {
      io.to(userRoom(userId)).emit(event, ...args);
    },
    // A socket joins its room before its replay reads (realtime/), so one that joins after this check
    // finds the notification, committed before the check, in its replay.
    reaches: (userId) => scaledOut || (io.of('/').adapter.rooms.get(userRoom(userId))?.size ?? 0) > 0,
    disconnectSession: (sessionId) => {
      io.in(sessionRoom(sessionId)).disconnectSockets(true);
    },
    disconnectSessions: (sessionIds) => {
      if (sessionIds.length > 0) io.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
    },
    disconnectUserTokenSecret: (secretId) => {
      io.in(userTokenSecretRoom(secretId)).disconnectSockets(true);
    },
    disconnectUser: (userId, options = {}) => {
      const sockets = io.in(userRoom(userId));
      (options.exceptSessionId ? sockets.except(sessionRoom(options.exceptSessionId)) : sockets).disconnectSockets(true);
    },
  };
}

/** A publisher that drops everything (seed scripts, CLI tools). */
export const silentPublisher: RealtimePublisher = {
  publish: () => {},
  reaches: () => false,
  disconnectSession: () => {},
  disconnectSessions: () => {},
  disconnectUserTokenSecret: () => {},
  disconnectUser: () => {},
};
