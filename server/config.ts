import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Every environment variable the server reads, with its default. The README lists the same table. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'Must start with file: or postgres://')
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'Must start with redis:// or rediss://').optional(),
  SESSION_SECRET: z.string().min(32, 'Must be at least 32 characters').optional(),
  COOKIE_SECURE: booleanFromEnv.optional(),
  TRUST_PROXY: z.string().optional(),
  BOOTSTRAP_API_KEY: z.string().min(24, 'Must be at least 24 characters').max(200).optional(),
  SEED_DEMO: booleanFromEnv.optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIST_DIR: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Server configuration, derived once from the environment. */
export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  /** Set in scale-out mode: Socket.IO then uses the sharded Redis adapter. */
  redisUrl: string | undefined;
  sessionSecret: string | undefined;
  cookieSecure: boolean;
  trustProxy: string | undefined;
  bootstrapApiKey: string | undefined;
  seedDemo: boolean;
  loginRateLimit: number;
  /** Requests per minute per API key on `/api/v1`. */
  apiRateLimit: number;
  logLevel: Env['LOG_LEVEL'];
  /** How often the scheduler looks for due scheduled sends. */
  schedulerIntervalMs: number;
  clientDistDir: string;
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
  if (isProduction && !env.SESSION_SECRET) {
    throw new ConfigError('Invalid environment:\n  SESSION_SECRET: Required when NODE_ENV=production');
  }
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
    trustProxy: env.TRUST_PROXY,
    bootstrapApiKey: env.BOOTSTRAP_API_KEY,
    // Demo accounts with a published password must never exist in production.
    seedDemo: !isProduction && (env.SEED_DEMO ?? true),
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    apiRateLimit: env.API_RATE_LIMIT,
    logLevel: env.LOG_LEVEL,
    schedulerIntervalMs: env.SCHEDULER_INTERVAL_MS,
    clientDistDir: path.resolve(env.CLIENT_DIST_DIR ?? 'dist/client'),
  };
}
