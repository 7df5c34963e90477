import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../../server/logger.js';

/** One pino JSON line, parsed. `level`: 30 info, 40 warn, 50 error, 60 fatal. */
export interface LogEntry {
  level: number;
  msg: string;
  err?: { type?: string; message?: string; code?: string; stack?: string };
  [key: string]: unknown;
}

/**
 * A real pino logger whose lines are kept in memory, so a test can assert what the server logged (pass it
 * as `startServer(config, { log })` / `getTestServer(env, { log })`).
 *
 * @example
 * const logs = captureLogs('warn');
 * const server = await getTestServer({}, { log: logs.log });
 * expect(logs.entries.filter((e) => e.level >= 50)).toEqual([]);
 */
export function captureLogs(level = 'warn'): { log: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) entries.push(JSON.parse(line) as LogEntry);
      done();
    },
  });
  return { log: pino({ level }, sink), entries };
}
