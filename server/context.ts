import type { Config } from './config.js';
import type { Db, Dialect } from './db/client.js';
import type { Logger } from './logger.js';
import type { RealtimePublisher } from './realtime/publisher.js';

/** Everything a service needs, passed explicitly instead of imported as singletons (tests boot many servers). */
export interface AppContext {
  config: Config;
  db: Db;
  dialect: Dialect;
  log: Logger;
  realtime: RealtimePublisher;
  /** Tells the send scheduler about a newly scheduled send, so one due soon is not late. */
  scheduler: { wake(at: Date): void };
}
