import { pino, type Logger } from 'pino';

export type { Logger };

/** Creates the process logger: JSON lines, credentials and cookies redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  });
}
