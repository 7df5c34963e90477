import { pino, type Logger } from 'pino';
import { traceIds } from './tracing/tracing.js';

export type { Logger };

/**
 * Creates the process logger: JSON lines (for log shippers), credentials and cookies redacted. On an
 * interactive terminal outside production the lines are pretty-printed, so a newcomer can read the demo
 * accounts and the bootstrap API key at a glance. Inside a traced span (OpenTelemetry on), each line carries
 * the span's `trace_id` and `span_id`.
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  return pino({
    level,
    mixin: traceIds,
    // The request logger's serializers mask these and URL tokens (logRedaction.ts); this covers any other
    // line that logs a raw request or response.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    ...(options.pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  });
}
