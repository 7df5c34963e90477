import type { ServerToClientEvents } from '../../shared/events.js';
import { sessionRoom, userRoom } from './rooms.js';
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
  /** Disconnects every socket opened with this login session (logout, a login replacing it), on every node. */
  disconnectSession(sessionId: string): void;
  /** The same for many sessions in one adapter message (expired sessions pruned, sessions found invalid). */
  disconnectSessions(sessionIds: string[]): void;
  /** Disconnects every socket of one user, on every node, but those of `exceptSessionId` when given. */
  disconnectUser(userId: string, options?: { exceptSessionId?: string }): void;
}

/**
 * A publisher over a Socket.IO server; with the Redis adapter the emit reaches whichever node holds the
 * user's sockets.
 */
export function createPublisher(io: IoServer): RealtimePublisher {
  return {
    publish: (userId, event, ...args) => {
      io.to(userRoom(userId)).emit(event, ...args);
    },
    disconnectSession: (sessionId) => {
      io.in(sessionRoom(sessionId)).disconnectSockets(true);
    },
    disconnectSessions: (sessionIds) => {
      if (sessionIds.length > 0) io.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
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
  disconnectSession: () => {},
  disconnectSessions: () => {},
  disconnectUser: () => {},
};
