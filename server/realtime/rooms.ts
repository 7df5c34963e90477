/** The private room every socket of one user joins; nothing else is ever emitted to it. */
export const userRoom = (userId: string) => `user:${userId}`;

/**
 * Every socket opened with a token signed by one user-token secret: revoking it disconnects them. `null` is
 * USER_TOKEN_SECRET's room (`environment`: no admin-made secret has that id).
 */
export const userTokenSecretRoom = (secretId: string | null) => `user-token-secret:${secretId ?? 'environment'}`;

/** One room per login session, so logout can disconnect exactly that session's sockets. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
