import type { Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { ConfigError } from './config.js';
import type { Logger } from './logger.js';

interface ClientErrorAnswer {
  status: number;
  reason: string;
  code: string;
  message: string;
}

const MALFORMED: ClientErrorAnswer = { status: 400, reason: 'Bad Request', code: 'bad_request', message: 'Malformed HTTP request' };

/** Node's parser and timeout errors → what the client is told (anything else: MALFORMED). */
const ANSWERS: Record<string, ClientErrorAnswer> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', code: 'headers_too_large', message: 'The request headers are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'request_timeout', message: 'The request took too long to arrive' },
};

/** A complete HTTP/1.1 response with the API's error shape, written straight to the socket. */
function rawErrorResponse({ status, reason, code, message }: ClientErrorAnswer): string {
  const body = JSON.stringify({ error: { code, message } });
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/**
 * Errors of the HTTP server that belong to one connection, never to the process:
 * - `clientError` (a request Node's parser rejects: malformed request line or headers, oversized
 *   headers, a request timeout, a reset while reading): answered with the API's JSON error shape and the
 *   connection closed, or just closed when nothing can be written any more;
 * - `error` after listening (e.g. EMFILE while accepting): logged; the server keeps accepting.
 *
 * @example
 * handleHttpServerErrors(httpServer, log);
 */
export function handleHttpServerErrors(httpServer: HttpServer, log: Logger): void {
  httpServer.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const code = err.code ?? 'unknown';
    if (code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    // Scanners and broken clients send these all day long: worth a debug line, not an alert.
    log.debug({ code, message: err.message }, 'Malformed HTTP request rejected');
    socket.end(rawErrorResponse(ANSWERS[code] ?? MALFORMED));
  });
  httpServer.on('error', (err) => {
    if (httpServer.listening) log.error({ err }, 'HTTP server error; still accepting connections');
  });
}

const LISTEN_CAUSES: Record<string, string> = {
  EADDRINUSE: 'another process already listens there',
  EACCES: 'ports below 1024 need privileges',
  EADDRNOTAVAIL: 'no interface of this machine has that address',
  ENOTFOUND: 'the host name does not resolve',
};

/**
 * Turns a failed `listen` into a one-line ConfigError naming the variables (default HOST and PORT) and the
 * cause, e.g. `HOST/PORT: cannot listen on 127.0.0.1:3000: EADDRINUSE (another process already listens there)`.
 */
export function listenError(err: NodeJS.ErrnoException, host: string, port: number, variables = 'HOST/PORT'): Error {
  const cause = err.code && LISTEN_CAUSES[err.code];
  if (!cause) return err;
  return new ConfigError(`${variables}: cannot listen on ${host.includes(':') ? `[${host}]` : host}:${port}: ${err.code} (${cause})`);
}
