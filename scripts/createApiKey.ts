/**
 * `npm run apikey:create -- --name "Billing service" --scopes notifications:write,users:write`
 *
 * Creates an API key from the command line, for bootstrap before any admin has signed in. Uses the same
 * configuration (DATA_DIR / DATABASE_URL) and the same service as the admin UI. The secret alone goes
 * to stdout, so `KEY=$(npm run -s apikey:create -- …)` captures it; everything else goes to stderr.
 */
import { parseArgs } from 'node:util';
import { createApiKeySchema } from '../shared/schemas/directory.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { prepareWritableDirectories } from '../server/dataDirs.js';
import { openDatabase } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { zodIssuesToDetails } from '../server/errors.js';
import { createApiKey } from '../server/services/apiKeys/createApiKey.js';
import { SYSTEM_ACTOR } from '../server/services/audit/appendAuditEvent.js';

const USAGE = 'Usage: npm run apikey:create -- --name "Billing service" --scopes notifications:write,users:write';

/** Thrown for bad arguments: printed with the usage line, no stack trace. */
class UsageError extends Error {}

function readInput(argv: string[]) {
  let values: { name?: string; scopes?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { name: { type: 'string' }, scopes: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) {
    console.error(USAGE);
    process.exit(0);
  }
  const scopes = (values.scopes ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const parsed = createApiKeySchema.safeParse({ name: values.name ?? '', scopes });
  if (!parsed.success) {
    const lines = zodIssuesToDetails(parsed.error.issues).map((d) => `  --${d.path.split('.')[0]}: ${d.message}`);
    throw new UsageError(`Invalid arguments:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

async function main(): Promise<void> {
  const input = readInput(process.argv.slice(2));
  const config = loadConfig();
  // The server's own directory checks: a bad DATA_DIR is one line naming it, not a stack trace.
  await prepareWritableDirectories(config);
  const verbose = config.logLevel !== 'silent';
  await migrateDatabase(config.databaseUrl, { log: verbose ? (msg) => console.error(msg) : undefined });
  const db = await openDatabase(config.databaseUrl, config.dialect);
  try {
    const { apiKey, secret } = await createApiKey(db, { input, actor: SYSTEM_ACTOR });
    console.error(`Created API key "${apiKey.name}" (${apiKey.prefix}…, scopes ${apiKey.scopes.join(', ')}).`);
    console.error('Store the secret now: it is shown only this once.');
    console.log(secret);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`${err.message}\n${USAGE}`);
  else if (err instanceof ConfigError) console.error(err.message);
  else console.error('Could not create the API key:', err);
  process.exit(1);
});
