/** The private room every socket of one user joins; nothing else is ever emitted to it. */
export const userRoom = (userId: string) => `user:${userId}`;

/** The room name of tokens signed with USER_TOKEN_SECRET (no admin-made secret has this id). */
export const ENVIRONMENT_SECRET = 'environment';

/** Every socket opened with a token signed by one user-token secret: revoking it disconnects them. */
export const userTokenSecretRoom = (secretId: string) => `user-token-secret:${secretId}`;

/** One room per login session, so logout can disconnect exactly that session's sockets. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
