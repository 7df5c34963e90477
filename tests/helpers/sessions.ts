import type { InboxSocket } from './socketClient.js';

/** The session id inside a `flashnotify.sid=s%3A<id>.<signature>` cookie. */
export const sessionIdOf = (cookie: string | undefined): string => decodeURIComponent(cookie!.split('=')[1]!).slice(2).split('.')[0]!;

/**
 * Resolves with the reason of the socket's next `disconnect` event; rejects when none comes within
 * `timeoutMs` (a bound, so a socket that outlives its session fails the test with a clear message).
 */
export function nextDisconnect(socket: InboxSocket, timeoutMs = 10_000): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no disconnect within ${timeoutMs} ms: the socket outlived its session`)), timeoutMs);
    socket.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
