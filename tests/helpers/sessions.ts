import type { InboxSocket } from './socketClient.js';

/** The session id inside a `flashnotify.sid=s%3A<id>.<signature>` cookie. */
export const sessionIdOf = (cookie: string | undefined): string => decodeURIComponent(cookie!.split('=')[1]!).slice(2).split('.')[0]!;

/** Resolves with the reason of the socket's next `disconnect` event. */
export const nextDisconnect = (socket: InboxSocket): Promise<string> =>
  new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));
