/** The private room every socket of one user joins; nothing else is ever emitted to it. */
export const userRoom = (userId: string) => `user:${userId}`;

/** One room per login session, so logout can disconnect exactly that session's sockets. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
