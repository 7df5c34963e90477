import type { Config } from './config.js';
import type { Db, Dialect } from './db/client.js';
import type { RawDatabase } from './db/rawDatabase.js';
import type { DeliveryRuntime } from './delivery/runtime.js';
import type { InvalidationBus } from './invalidation/invalidationBus.js';
import type { Logger } from './logger.js';
import type { AppMetrics } from './metrics/appMetrics.js';
import type { RunState } from './runState.js';
import type { RealtimePublisher } from './realtime/publisher.js';
import type { SnoozeTimer } from './scheduler/snoozeScheduler.js';
import type { CategoryCache } from './services/categories/categoryCache.js';
import type { SendWriter } from './services/ingest/sendWriter.js';
import type { UserTokenVerifier } from './services/userTokens/verifyUserToken.js';

/** Everything a service needs, passed explicitly instead of imported as singletons (tests boot many servers). */
export interface AppContext {
  config: Config;
  db: Db;
  dialect: Dialect;
  /** The hot path's own connection (ingest): prepared statements, no ORM (server/db/rawDatabase.ts). */
  raw: RawDatabase;
  /** The single writer new notifications are committed through, in groups (see SendWriter). */
  sendWriter: SendWriter;
  /** Categories in memory for the send path; call `invalidate()` after changing one. */
  categories: CategoryCache;
  log: Logger;
  /** Prometheus metrics of this server (its own registry): record events here; GET /metrics exports them. */
  metrics: AppMetrics;
  /** The background loops' heartbeats and whether a shutdown has begun (readiness). */
  runState: RunState;
  /** Checks host-signed user tokens (Bearer on the inbox API, `auth.token` on sockets). */
  userTokens: UserTokenVerifier;
  realtime: RealtimePublisher;
  /** Tells the send scheduler about a newly scheduled send, so one due soon is not late. */
  scheduler: { wake(at: Date): void };
  /** The snooze job's clock (snoozes are checked against it) and its wake-up for a snooze set here. */
  snoozes: SnoozeTimer;
  /** External channels, their switches and breakers, and the delivery worker's wake-up. */
  delivery: DeliveryRuntime;
  /**
   * Drops cached rows on every node when they change (topics `apiKey`, `channelSwitch`, `category`): publish
   * after the write commits; cache with InvalidatedCache (server/invalidation/), which subscribes for you.
   */
  invalidation: InvalidationBus;
  /** Scale-out only: a Redis connection for shared state (rate-limit counters). */
  redis?: { sendCommand(args: string[]): Promise<unknown> };
  /** Base URL of absolute links (PUBLIC_URL, or where this server listens), no trailing slash. */
  publicUrl: string;
  /** HMAC key for signed links and tokens (email unsubscribe, push "mark read"); derived from the session secret. */
  signingSecret: string;
}
