import path from 'node:path';
import { z } from 'zod';
import { SNOOZE_LIMITS } from '../shared/schemas/notification.js';
import { allowedOriginsSchema } from './origins.js';
import { trustProxySchema, type TrustProxy } from './trustProxy.js';
import { parseSmtpRelays, type SmtpRelay } from './channels/email/smtpRelays.js';
import { parseOutboundAllowlist, type OutboundPolicy } from './outbound/outboundPolicy.js';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/**
 * A few load-balancer health-check periods: long enough for one to see readiness turn 503 and stop
 * routing before the node closes, short enough that a restart is not held up.
 */
const DEFAULT_SHUTDOWN_DRAIN_MS = 2000;

/** Every environment variable the server reads, with its default. The README lists the same table. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'Must start with file: or postgres://')
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'Must start with redis:// or rediss://').optional(),
  SESSION_SECRET: z.string().min(32, 'Must be at least 32 characters').optional(),
  COOKIE_SECURE: booleanFromEnv.optional(),
  TRUST_PROXY: trustProxySchema.optional(),
  ALLOWED_ORIGINS: allowedOriginsSchema.optional(),
  USER_TOKEN_SECRET: z.string().min(32, 'Must be at least 32 characters (HS256 wants a 256-bit key)').optional(),
  BOOTSTRAP_API_KEY: z.string().min(24, 'Must be at least 24 characters').max(200).optional(),
  SEED_DEMO: booleanFromEnv.optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .transform((value, ctx) => {
      try {
        return parseSmtpRelays(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
  EMAIL_FROM: z.string().min(3).default('FlashNotify <notifications@localhost>'),
  EMAIL_REPLY_TO: z.string().min(3).optional(),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'Must look like AC followed by 32 hex digits').optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
  TWILIO_FROM: z.string().regex(/^\+[1-9]\d{6,14}$/, 'Must be an E.164 number like +14155550123').optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().regex(/^MG[0-9a-fA-F]{32}$/).optional(),
  TWILIO_WHATSAPP_FROM: z
    .string()
    .regex(/^(whatsapp:\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/, 'Must be a WhatsApp sender like whatsapp:+14155550123 or a messaging service SID (MG…)')
    .optional(),
  TWILIO_WHATSAPP_CONTENT_SID: z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'Must be a Twilio Content SID (HX followed by 32 hex digits)').optional(),
  TWILIO_FALLBACK_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'Must look like AC followed by 32 hex digits').optional(),
  TWILIO_FALLBACK_AUTH_TOKEN: z.string().min(16).optional(),
  TWILIO_FALLBACK_FROM: z.string().regex(/^\+[1-9]\d{6,14}$/, 'Must be an E.164 number like +14155550123').optional(),
  TWILIO_FALLBACK_MESSAGING_SERVICE_SID: z.string().regex(/^MG[0-9a-fA-F]{32}$/).optional(),
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-[\w-]+$/, 'Must be a Slack bot token (xoxb-…)').optional(),
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
  TEAMS_DEV_OUTBOX: booleanFromEnv.default(false),
  VAPID_PUBLIC_KEY: z.string().min(40).optional(),
  VAPID_PRIVATE_KEY: z.string().min(20).optional(),
  OUTBOUND_ALLOWED_HOSTS: z.string().optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, 'Must be a mailto: or https: URL').default('mailto:admin@localhost'),
  DELIVERY_INTERVAL_MS: z.coerce.number().int().min(20).max(60_000).default(1000),
  DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  DELIVERY_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
  DELIVERY_BACKOFF_MAX_MS: z.coerce.number().int().min(100).max(86_400_000).default(15 * 60_000),
  DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  BREAKER_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(5),
  BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  WEBHOOK_INTERVAL_MS: z.coerce.number().int().min(20).max(60_000).default(1000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(5000),
  WEBHOOK_BACKOFF_MAX_MS: z.coerce.number().int().min(100).max(86_400_000).default(60 * 60_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(10_000),
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(10_000).default(50),
  DIGEST_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  DELETED_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  NOTIFICATION_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  UNDO_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  PURGE_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(10 * 60_000),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  ANALYTICS_ROLLUP_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  ANALYTICS_SETTLE_MS: z.coerce.number().int().min(0).max(3_600_000).default(120_000),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  SNOOZE_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
  SNOOZE_MIN_AHEAD_MS: z.coerce.number().int().min(0).max(3_600_000).default(SNOOZE_LIMITS.minAheadMs),
  INGEST_QUEUE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(20_000),
  SOCKET_REVALIDATE_MS: z.coerce.number().int().min(50).max(86_400_000).default(5 * 60_000),
  SOCKET_HANDSHAKES_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(200),
  METRICS_TOKEN: z.string().min(16, 'Must be at least 16 characters').optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_SERVICE_NAME: z.string().min(1).max(128).default('flashnotify'),
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(10).max(60_000).default(5000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIST_DIR: z.string().optional(),
  EMBED_DIST_DIR: z.string().optional(),
  TEST_PAUSE_AT: z.enum(['send.beforeCommit', 'send.afterCommit']).optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Server configuration, derived once from the environment. */
export interface Config {
  env: Env['NODE_ENV'];
  /**
   * HOST as set, or undefined: the server then decides once the database is open (chooseBindHost), loopback
   * while demo accounts with the published password exist, all interfaces otherwise.
   */
  host: string | undefined;
  port: number;
  dataDir: string;
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  /** Set in scale-out mode: Socket.IO then uses the sharded Redis adapter. */
  redisUrl: string | undefined;
  sessionSecret: string | undefined;
  cookieSecure: boolean;
  /** Express's `trust proxy` value (see trustProxySchema); false when TRUST_PROXY is unset. */
  trustProxy: TrustProxy;
  /** Origins besides the app's own that may use the cookie-authenticated API and the socket. */
  allowedOrigins: string[];
  bootstrapApiKey: string | undefined;
  /** Verifies user tokens without a `kid` header (admin-made secrets are in the database). */
  userTokenSecret: string | undefined;
  seedDemo: boolean;
  /** Failed sign-ins per client address and account per 15 minutes. */
  loginRateLimit: number;
  /** Failed sign-ins per client address across all accounts per 15 minutes (password spraying). */
  loginRateLimitPerAddress: number;
  /** Requests per minute per API key on `/api/v1`. */
  apiRateLimit: number;
  logLevel: Env['LOG_LEVEL'];
  /**
   * Prometheus scraping (`GET /metrics`): `token` (METRICS_TOKEN) is required as `Authorization: Bearer`
   * wherever the metrics are served, and the app's own port serves them only when it is set; `port`
   * (METRICS_PORT, on `host`) adds a listener of its own that serves nothing else.
   */
  metrics: { token: string | undefined; port: number | undefined; host: string };
  /**
   * OpenTelemetry traces (server/tracing): exported over OTLP/HTTP to `endpoint` (OTEL_EXPORTER_OTLP_ENDPOINT;
   * none: tracing off), as `serviceName`, in batches every `exportDelayMs`.
   */
  otel: { endpoint: string | undefined; serviceName: string; exportDelayMs: number };
  /** How often the scheduler looks for due scheduled sends. */
  schedulerIntervalMs: number;
  /** Notifications that may wait for the send writer before new sends get 503 + Retry-After. */
  ingestQueueLimit: number;
  /** How often each node looks for digests that are due. */
  digestIntervalMs: number;
  /** How often each node looks for snoozes that are due (a timer wakes it at the soonest one's time in between). */
  snoozeIntervalMs: number;
  /** The shortest snooze accepted (ms ahead of now); SNOOZE_LIMITS.minAheadMs unless set (tests set it lower). */
  snoozeMinAheadMs: number;
  /** Days a deleted notification is kept (undo, support) before the purge job removes it; 0: at the next purge. */
  deletedRetentionDays: number;
  /**
   * Days a notification is kept, for categories that set no `retentionDays` of their own; then the retention job
   * removes it (and its deliveries). 0: kept forever.
   */
  notificationRetentionDays: number;
  /** How long after an archive, delete or mark-read its undo is accepted, in seconds. */
  undoWindowSeconds: number;
  /** How often each node runs the purge: deleted notifications, retention, expired undo tickets and idempotency records. */
  purgeIntervalMs: number;
  /**
   * How long a graceful shutdown stays unready (readiness 503) while still serving, before it stops its
   * loops and closes, so load balancers stop routing to the node first. Default 2000 ms; 0 under NODE_ENV=test.
   */
  shutdownDrainMs: number;
  /**
   * The analytics rollup job (server/scheduler/analyticsScheduler.ts): how often each node runs it, and how old
   * an event must be before it is counted (longer than the slowest provider call plus its transaction).
   */
  analytics: { rollupIntervalMs: number; settleMs: number };
  /** How often each node re-checks the sessions of its sockets (± 25 % jitter). */
  socketRevalidateMs: number;
  /** Authenticated socket handshakes (auth → replay sent) one node takes at once; more are told to come back later. */
  socketHandshakesInFlight: number;
  /** Base of absolute links in emails, SMS and push; unset: the address the server listens on. */
  publicUrl: string | undefined;
  /** `smtpRelays`: the SMTP relays in failover order (empty: the dev outbox). */
  email: { smtpRelays: SmtpRelay[]; from: string; replyTo: string | undefined };
  /** Twilio's account (unset: the dev outbox), and `fallback`, a second account tried when the first fails. */
  twilio: (TwilioAccount & { fallback: TwilioAccount | undefined }) | undefined;
  /**
   * WhatsApp through the same Twilio account (unset: WhatsApp messages go to the dev outbox): the sender
   * (`whatsapp:+E164` number, or a messaging service whose pool has one) and the approved template sent as
   * the message (`contentSid`, variables 1 title, 2 body, 3 link), without which only free-form messages go
   * out, which WhatsApp refuses outside the 24-hour customer-service window (Twilio 63016).
   */
  whatsapp:
    | { accountSid: string; authToken: string; from: string | undefined; messagingServiceSid: string | undefined; contentSid: string | undefined }
    | undefined;
  /**
   * Slack: the workspace bot token (unset: Slack messages go to the dev outbox) and the Web API base URL
   * (https://slack.com/api/; a local peer in tests).
   */
  slack: { botToken: string | undefined; apiUrl: string };
  /**
   * Microsoft Teams: the URLs are per user (`teamsWebhookUrl`); `devOutbox` (TEAMS_DEV_OUTBOX) stores every
   * Teams card in the dev outbox instead of posting it, for trying cards out without a Teams tenant.
   */
  teams: { devOutbox: boolean };
  vapid: { publicKey: string | undefined; privateKey: string | undefined; subject: string };
  /** Which hosts user- and admin-given URLs (push endpoints) may reach; strict unless OUTBOUND_ALLOWED_HOSTS widens it. */
  outbound: OutboundPolicy;
  /**
   * Outgoing webhooks (server/webhooks/): the worker's poll interval and concurrency, attempts per message
   * and their backoff, how long an endpoint has to answer, and after how many failed attempts in a row
   * (any message) an endpoint is turned off.
   */
  webhooks: {
    intervalMs: number;
    concurrency: number;
    maxAttempts: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
    timeoutMs: number;
    disableAfter: number;
  };
  delivery: {
    intervalMs: number;
    concurrency: number;
    maxAttempts: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
    leaseMs: number;
    breakerThreshold: number;
    breakerCooldownMs: number;
  };
  clientDistDir: string;
  /** Where the built `<flashnotify-inbox>` module is (served at /embed/flashnotify.js). */
  embedDistDir: string;
  /** Tests only (NODE_ENV=test): a send stops here so a crash test can kill the process (testPausePoint). */
  testPauseAt: Env['TEST_PAUSE_AT'];
}

/** Thrown for an invalid environment; the entry point prints it and exits without a stack trace. */
export class ConfigError extends Error {}

/**
 * Parses the environment into a Config.
 *
 * @example
 * const config = loadConfig({ ...process.env, PORT: '0', DATA_DIR: tmpDir });
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`FOO=`) means "not set", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const databaseUrl = env.DATABASE_URL ?? `file:${path.join(dataDir, 'flashnotify.db')}`;
  const isProduction = env.NODE_ENV === 'production';
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
    throw new ConfigError('Invalid environment:\n  VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: Set both or neither (neither: generated and stored)');
  }
  if (env.TEST_PAUSE_AT && env.NODE_ENV !== 'test') {
    throw new ConfigError('Invalid environment:\n  TEST_PAUSE_AT: Only for crash tests (NODE_ENV=test)');
  }
  if (isProduction && !env.SESSION_SECRET) {
    throw new ConfigError('Invalid environment:\n  SESSION_SECRET: Required when NODE_ENV=production');
  }
  // Demo accounts with a published password must never exist in production.
  const seedDemo = !isProduction && (env.SEED_DEMO ?? true);
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    dataDir,
    databaseUrl,
    dialect: databaseUrl.startsWith('file:') ? 'sqlite' : 'postgres',
    redisUrl: env.REDIS_URL,
    sessionSecret: env.SESSION_SECRET,
    cookieSecure: env.COOKIE_SECURE ?? false,
    trustProxy: env.TRUST_PROXY ?? false,
    allowedOrigins: env.ALLOWED_ORIGINS ?? [],
    bootstrapApiKey: env.BOOTSTRAP_API_KEY,
    userTokenSecret: env.USER_TOKEN_SECRET,
    seedDemo,
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    loginRateLimitPerAddress: env.LOGIN_RATE_LIMIT_PER_ADDRESS,
    apiRateLimit: env.API_RATE_LIMIT,
    logLevel: env.LOG_LEVEL,
    metrics: { token: env.METRICS_TOKEN, port: env.METRICS_PORT, host: env.METRICS_HOST },
    otel: { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME, exportDelayMs: env.OTEL_BSP_SCHEDULE_DELAY },
    schedulerIntervalMs: env.SCHEDULER_INTERVAL_MS,
    ingestQueueLimit: env.INGEST_QUEUE_LIMIT,
    digestIntervalMs: env.DIGEST_INTERVAL_MS,
    snoozeIntervalMs: env.SNOOZE_INTERVAL_MS,
    snoozeMinAheadMs: env.SNOOZE_MIN_AHEAD_MS,
    deletedRetentionDays: env.DELETED_RETENTION_DAYS,
    notificationRetentionDays: env.NOTIFICATION_RETENTION_DAYS,
    undoWindowSeconds: env.UNDO_WINDOW_SECONDS,
    purgeIntervalMs: env.PURGE_INTERVAL_MS,
    shutdownDrainMs: env.SHUTDOWN_DRAIN_MS ?? (env.NODE_ENV === 'test' ? 0 : DEFAULT_SHUTDOWN_DRAIN_MS),
    analytics: { rollupIntervalMs: env.ANALYTICS_ROLLUP_INTERVAL_MS, settleMs: env.ANALYTICS_SETTLE_MS },
    socketRevalidateMs: env.SOCKET_REVALIDATE_MS,
    socketHandshakesInFlight: env.SOCKET_HANDSHAKES_IN_FLIGHT,
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, ''),
    email: { smtpRelays: env.SMTP_URL ?? [], from: env.EMAIL_FROM, replyTo: env.EMAIL_REPLY_TO },
    twilio: twilioConfig(env),
    teams: { devOutbox: env.TEAMS_DEV_OUTBOX },
    whatsapp: whatsappConfig(env),
    slack: { botToken: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/` },
    vapid: { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT },
    outbound: outboundPolicy(env.OUTBOUND_ALLOWED_HOSTS),
    webhooks: {
      intervalMs: env.WEBHOOK_INTERVAL_MS,
      concurrency: env.WEBHOOK_CONCURRENCY,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      backoffBaseMs: env.WEBHOOK_BACKOFF_BASE_MS,
      backoffMaxMs: env.WEBHOOK_BACKOFF_MAX_MS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      disableAfter: env.WEBHOOK_DISABLE_AFTER,
    },
    delivery: {
      intervalMs: env.DELIVERY_INTERVAL_MS,
      concurrency: env.DELIVERY_CONCURRENCY,
      maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
      backoffBaseMs: env.DELIVERY_BACKOFF_BASE_MS,
      backoffMaxMs: env.DELIVERY_BACKOFF_MAX_MS,
      leaseMs: env.DELIVERY_LEASE_MS,
      breakerThreshold: env.BREAKER_THRESHOLD,
      breakerCooldownMs: env.BREAKER_COOLDOWN_MS,
    },
    clientDistDir: path.resolve(env.CLIENT_DIST_DIR ?? 'dist/client'),
    embedDistDir: path.resolve(env.EMBED_DIST_DIR ?? 'dist/embed'),
    testPauseAt: env.TEST_PAUSE_AT,
  };
}

function outboundPolicy(list: string | undefined): OutboundPolicy {
  try {
    return parseOutboundAllowlist(list);
  } catch (err) {
    throw new ConfigError(`Invalid environment:\n  OUTBOUND_ALLOWED_HOSTS: ${(err as Error).message}`);
  }
}

/** One Twilio account and its sender (a number, or a messaging service that picks one). */
export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  from: string | undefined;
  messagingServiceSid: string | undefined;
}

/**
 * Twilio is configured when the account, token and a sender (number or messaging service) are set; the
 * TWILIO_FALLBACK_* set, complete in the same way, adds a second account (only beside a first one).
 */
function twilioConfig(env: Env): Config['twilio'] {
  const account = (prefix: 'TWILIO_' | 'TWILIO_FALLBACK_'): TwilioAccount | undefined => {
    const [sid, token, from, service] = [env[`${prefix}ACCOUNT_SID`], env[`${prefix}AUTH_TOKEN`], env[`${prefix}FROM`], env[`${prefix}MESSAGING_SERVICE_SID`]];
    if (!sid && !token) return undefined;
    if (!sid || !token || !(from || service)) {
      throw new ConfigError(`Invalid environment:\n  ${prefix}*: Set ${prefix}ACCOUNT_SID, ${prefix}AUTH_TOKEN and ${prefix}FROM or ${prefix}MESSAGING_SERVICE_SID`);
    }
    return { accountSid: sid, authToken: token, from, messagingServiceSid: service };
  };
  // An account used for WhatsApp only: SMS stays in the dev outbox.
  if (env.TWILIO_WHATSAPP_FROM && !env.TWILIO_FROM && !env.TWILIO_MESSAGING_SERVICE_SID && !env.TWILIO_FALLBACK_ACCOUNT_SID) return undefined;
  const primary = account('TWILIO_');
  const fallback = account('TWILIO_FALLBACK_');
  if (fallback && !primary) throw new ConfigError('Invalid environment:\n  TWILIO_FALLBACK_*: Set TWILIO_ACCOUNT_SID and the rest of the first account too');
  return primary && { ...primary, fallback };
}

/** WhatsApp is sent through Twilio when TWILIO_WHATSAPP_FROM is set, with the account of TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN. */
function whatsappConfig(env: Env): Config['whatsapp'] {
  if (!env.TWILIO_WHATSAPP_FROM) {
    if (env.TWILIO_WHATSAPP_CONTENT_SID) throw new ConfigError('Invalid environment:\n  TWILIO_WHATSAPP_CONTENT_SID: Set TWILIO_WHATSAPP_FROM too');
    return undefined;
  }
  if (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN) {
    throw new ConfigError('Invalid environment:\n  TWILIO_WHATSAPP_FROM: Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN too');
  }
  const viaService = env.TWILIO_WHATSAPP_FROM.startsWith('MG');
  return {
    accountSid: env.TWILIO_ACCOUNT_SID,
    authToken: env.TWILIO_AUTH_TOKEN,
    from: viaService ? undefined : env.TWILIO_WHATSAPP_FROM,
    messagingServiceSid: viaService ? env.TWILIO_WHATSAPP_FROM : undefined,
    contentSid: env.TWILIO_WHATSAPP_CONTENT_SID,
  };
}
