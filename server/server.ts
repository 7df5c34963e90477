import { createServer, type RequestListener, type Server as HttpServer } from 'node:http';
import { isIPv6, type AddressInfo } from 'node:net';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import type { ChannelFactory } from './channels/createChannels.js';
import type { ExternalChannel } from './channels/types.js';
import { openDatabases } from './db/client.js';
import { prepareWritableDirectories } from './dataDirs.js';
import { chooseBindHost, type BindDecision } from './bindHost.js';
import { createDeliveryRuntime } from './delivery/createDeliveryRuntime.js';
import type { DeliveryRuntime } from './delivery/runtime.js';
import { migrateDatabase } from './db/migrate.js';
import { createHttpApp } from './httpApp.js';
import { handleHttpServerErrors, listenError } from './httpServerErrors.js';
import { createInvalidationBus } from './invalidation/invalidationBus.js';
import { createLogger, type Logger } from './logger.js';
import { startTracing } from './tracing/tracing.js';
import { AppMetrics } from './metrics/appMetrics.js';
import { startMetricsListener } from './metrics/metricsEndpoint.js';
import { registerScrapeGauges } from './metrics/scrapeGauges.js';
import { RunState } from './runState.js';
import { createSessionMiddleware } from './middleware/session.js';
import { createPublisher, silentPublisher } from './realtime/publisher.js';
import { logSocketErrors } from './realtime/socketErrors.js';
import { startSessionRevalidation } from './realtime/sessionRevalidation.js';
import { HandshakeAdmission } from './realtime/handshakeAdmission.js';
import { createSocketServer, type IoServer } from './realtime/socketServer.js';
import { startDigestScheduler } from './scheduler/digestScheduler.js';
import { startPurgeScheduler } from './scheduler/purgeScheduler.js';
import { startAnalyticsScheduler } from './scheduler/analyticsScheduler.js';
import { startSendScheduler } from './scheduler/sendScheduler.js';
import { startWebhookWorker } from './webhooks/webhookWorker.js';
import { startSnoozeScheduler } from './scheduler/snoozeScheduler.js';
import { ensureBootstrapApiKey } from './services/apiKeys/ensureBootstrapApiKey.js';
import { findOpenDemoAccounts } from './services/auth/findOpenDemoAccounts.js';
import { seedDemoData } from './services/auth/seedDemoData.js';
import { CategoryCache } from './services/categories/categoryCache.js';
import { ensureDefaultCategories } from './services/categories/ensureDefaultCategories.js';
import { SendWriter } from './services/ingest/sendWriter.js';
import { testPausePoint } from './services/sends/testPausePoint.js';
import { resolveSessionSecret } from './sessionSecret.js';
import { deriveSigningSecret } from './signingSecret.js';
import { createUserTokenVerifier } from './services/userTokens/verifyUserToken.js';

export interface RunningServer {
  ctx: AppContext;
  httpServer: HttpServer;
  io: IoServer;
  /** Base URL, e.g. `http://127.0.0.1:41234` (the real port when PORT=0). */
  url: string;
  /** Where METRICS_PORT's listener serves `/metrics` (`http://127.0.0.1:41235`), when it is set. */
  metricsUrl: string | undefined;
  /** The API key generated on first run, if one was (shown once). */
  generatedApiKey: string | undefined;
  /** Re-validates this node's sockets against their sessions now, as every SOCKET_REVALIDATE_MS does. */
  revalidateSockets(): Promise<void>;
  /** The socket handshake gate (SOCKET_HANDSHAKES_IN_FLIGHT); tests fill it by taking places themselves. */
  handshakeAdmission: HandshakeAdmission;
  close(): Promise<void>;
}

/**
 * Migrates the database, seeds the demo data, and starts HTTP + Socket.IO on one port.
 * Used by the entry point and by every integration test (with PORT=0 and a temporary DATA_DIR).
 *
 * @example
 * const server = await startServer(loadConfig({ PORT: '0', DATA_DIR: tmp, LOG_LEVEL: 'silent' }));
 */
export interface StartOptions {
  log?: Logger;
  /** Real channels built with test transports (a local Twilio fake, a self-signed push endpoint). */
  channels?: Partial<Record<ExternalChannel, ChannelFactory>>;
  /** The clock snoozes are set and woken by (default: the real one); tests move theirs forward instead of waiting. */
  clock?: () => Date;
  /** Trust for the webhook worker's TLS connections (a test receiver's self-signed certificate). */
  webhookCa?: string;
}

/**
 * Notifications per group commit. Big enough that a batch's fixed costs (BEGIN/COMMIT, fsync, the set-wise
 * queries) are spread thin; small enough that one batch holds the writer for milliseconds, not seconds.
 */
const SEND_BATCH_NOTIFICATIONS = 1000;

/**
 * Connections the kernel queues for the server before it accepts them (Node's default: 511; Linux caps it
 * at net.core.somaxconn, 4096 on current kernels). After a restart every client reconnects within seconds
 * while the new process is still busy starting: with 511, thousands of connection attempts overflowed the
 * queue, their SYNs were dropped and retried by the kernel with growing delays (1 s, 3 s, 7 s, 15 s), and
 * clients gave up at their 20 s connect timeout and backed off again, which doubled a 10,000-socket storm.
 */
const LISTEN_BACKLOG = 4096;

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  // First: spans started from here on (the migrations' included) are exported when OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = startTracing(config.otel);
  const log = options.log ?? createLogger(config.logLevel);
  const clock = options.clock ?? (() => new Date());
  await prepareWritableDirectories(config);
  await migrateDatabase(config.databaseUrl, { log: (msg) => log.info(msg) });
  const metrics = new AppMetrics();
  const { db, raw } = await openDatabases(config.databaseUrl, config.dialect, {
    prisma: (seconds) => metrics.dbQuery('prisma', seconds),
    raw: (seconds) => metrics.dbQuery('raw', seconds),
  });
  const sessionSecret = await resolveSessionSecret(config);
  const invalidation = await createInvalidationBus({ redisUrl: config.redisUrl, log });
  const ctx: AppContext = {
    config,
    db,
    dialect: config.dialect,
    raw,
    sendWriter: undefined as unknown as SendWriter, // set below: its crash-test hook needs ctx
    log,
    metrics,
    runState: new RunState(),
    realtime: silentPublisher, // replaced by the Socket.IO publisher once the server is attached
    scheduler: { wake: () => {} },
    snoozes: { now: clock, wake: () => {} }, // replaced by the snooze scheduler once the server listens
    delivery: undefined as unknown as DeliveryRuntime, // set below, before the server accepts requests
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    signingSecret: deriveSigningSecret(sessionSecret),
    invalidation,
    categories: new CategoryCache(db, invalidation),
    userTokens: createUserTokenVerifier({ db, invalidation, config }),
  };
  ctx.sendWriter = new SendWriter(raw, {
    maxBatchNotifications: SEND_BATCH_NOTIFICATIONS,
    maxQueuedNotifications: config.ingestQueueLimit,
    // ctx.realtime is replaced once Socket.IO is attached: read it at each batch.
    countsWanted: (userId) => ctx.realtime.reaches(userId),
    beforeCommit: () => testPausePoint(ctx, 'send.beforeCommit'),
  });
  const deliveryRuntime = await createDeliveryRuntime(ctx, options.channels);
  ctx.delivery = deliveryRuntime.runtime;

  await ensureDefaultCategories(db);
  if (config.seedDemo) await seedDemoData(ctx);
  const bind = await decideBindHost(ctx, () => deliveryRuntime.close());
  const generatedApiKey = await ensureBootstrapApiKey(ctx);

  // Pruned (expired) sessions lose their sockets on every node; ctx.realtime is read when pruning runs.
  const session = createSessionMiddleware(config, { db, raw }, sessionSecret, log, {
    onSessionsEnded: (sids) => ctx.realtime.disconnectSessions(sids),
  });
  // The Express app must be the server's request listener BEFORE Socket.IO attaches: engine.io then takes
  // that listener over and hands it only what is not under /socket.io/. A listener added after it would
  // answer every Socket.IO request a second time (ERR_HTTP_HEADERS_SENT, which ended the process). The
  // app itself is built further down, once the Redis connection its rate limits use exists.
  let app: RequestListener | undefined;
  const httpServer = createServer((req, res) => {
    if (app) app(req, res);
    else res.writeHead(503, { 'retry-after': '1' }).end();
  });
  handleHttpServerErrors(httpServer, log);
  const roomsReady = { wait: async () => {} };
  const handshakeAdmission = new HandshakeAdmission(config.socketHandshakesInFlight);
  const io = createSocketServer(httpServer, ctx, session.middleware, handshakeAdmission, () => roomsReady.wait());
  logSocketErrors(io, log);
  // Scale-out: before listening, so no socket ever joins a room on the in-process adapter.
  // Imported only then: the Redis client library takes ~0.3 s to load, which embedded mode never needs.
  const redis = config.redisUrl ? await (await import('./realtime/redisAdapter.js')).attachRedisAdapter(io, config.redisUrl, log) : undefined;
  if (redis) {
    roomsReady.wait = redis.roomsReady;
    ctx.redis = { sendCommand: redis.sendCommand };
  }
  ctx.realtime = createPublisher(io, { scaledOut: redis !== undefined });
  registerScrapeGauges(ctx, io);
  const revalidation = startSessionRevalidation(io, ctx, config.socketRevalidateMs);
  app = createHttpApp(ctx, session.middleware);
  const metricsListener = await startMetricsListener(config, metrics, log);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (err) => reject(listenError(err, bind.host, config.port)));
    httpServer.listen({ port: config.port, host: bind.host, backlog: LISTEN_BACKLOG }, resolve);
  });
  const scheduler = startSendScheduler(ctx, config.schedulerIntervalMs);
  ctx.scheduler = scheduler;
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${urlHost(bind.host)}:${port}`;
  if (!config.publicUrl) ctx.publicUrl = url.replace('127.0.0.1', 'localhost');
  const worker = deliveryRuntime.startWorker();
  const digests = startDigestScheduler(ctx, config.digestIntervalMs);
  const snoozes = startSnoozeScheduler(ctx, { intervalMs: config.snoozeIntervalMs, now: clock });
  ctx.snoozes = snoozes;
  const purge = startPurgeScheduler(ctx, config.purgeIntervalMs);
  const analytics = startAnalyticsScheduler(ctx);
  const webhooks = startWebhookWorker(ctx, { ca: options.webhookCa });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Graceful: unready first, and still serving for SHUTDOWN_DRAIN_MS, so load balancers see the 503 and
      // stop routing here before anything closes; then stop taking new work, let in-flight work finish
      // (or hand it back), then close sockets and the database.
      ctx.runState.shutdownStartedAt = new Date();
      if (config.shutdownDrainMs > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
      await Promise.all([scheduler.stop(), digests.stop(), snoozes.stop(), purge.stop(), analytics.stop(), worker.stop(), webhooks.stop()]);
      session.close();
      revalidation.stop();
      await io.close(); // also closes the HTTP server
      await ctx.sendWriter.idle();
      await redis?.close(); // after io.close(), which unsubscribes the adapter's channels
      await ctx.invalidation.close();
      await deliveryRuntime.close();
      await raw.close();
      await db.$disconnect();
      await metricsListener?.close(); // last: a scrape during the shutdown still sees its end
      await tracing.shutdown(); // exports the spans of the shutdown too
    })());
  return { ctx, httpServer, io, url, metricsUrl: metricsListener?.url, generatedApiKey, handshakeAdmission, revalidateSockets: revalidation.sweep, close };
}

/**
 * Where to listen, now that the database says whether demo accounts with the published password exist
 * (chooseBindHost); its warning is logged here. A refusal closes what is open before it is thrown.
 */
async function decideBindHost(ctx: AppContext, closeDelivery: () => Promise<void>): Promise<BindDecision> {
  const open = await findOpenDemoAccounts(ctx.db);
  try {
    const bind = chooseBindHost(ctx.config, open.map((account) => account.email));
    if (bind.warning) ctx.log.warn(bind.warning);
    return bind;
  } catch (err) {
    await closeDelivery();
    await ctx.invalidation.close();
    await ctx.raw.close();
    await ctx.db.$disconnect();
    throw err;
  }
}

/** The host part of a URL that reaches a server listening on `host` from this machine. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return isIPv6(host) ? `[${host}]` : host;
}
