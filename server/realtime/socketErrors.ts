import type { Logger } from '../logger.js';
import type { IoServer } from './socketServer.js';

/**
 * Logs what Socket.IO reports about a single connection, which never concerns the process: engine.io's
 * `connection_error` (a refused handshake, an unknown or expired sid after a restart, a bad transport) and a
 * socket's `error` (an invalid packet from the client, after which Socket.IO closes that connection).
 *
 * @example
 * logSocketErrors(io, log);
 */
export function logSocketErrors(io: IoServer, log: Logger): void {
  io.engine.on('connection_error', (err: { code?: number; message?: string; context?: unknown }) => {
    // Routine: clients come back with the sid of a previous server process after every restart.
    log.debug({ code: err.code, reason: err.message, context: err.context }, 'Socket.IO connection refused');
  });
  io.on('connection', (socket) => {
    socket.on('error', (err) => log.info({ err, userId: socket.data.userId }, 'Socket error from the client; connection closed'));
  });
}
