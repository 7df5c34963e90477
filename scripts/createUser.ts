/**
 * `npm run user:create -- --email ops@example.com --role admin [--name "Ops Team"]`
 * `npm run user:create -- --email ops@example.com --reissue`
 *
 * Creates a user who can sign in — the first admin of a production install, where no demo accounts exist —
 * and prints a one-time link to set their password (valid 24 hours, and only until a password is set).
 * `--reissue` prints a new link for an existing user instead (an expired link, a forgotten password).
 * Uses the server's configuration (DATA_DIR / DATABASE_URL, SESSION_SECRET, PUBLIC_URL), so run it with the
 * same environment as the server. The link alone goes to stdout (`LINK=$(npm run -s user:create -- …)`);
 * everything else goes to stderr.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ROLES } from '../shared/types.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { prepareWritableDirectories } from '../server/dataDirs.js';
import { openDatabase, type Db } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { zodIssuesToDetails } from '../server/errors.js';
import { createSetPasswordLink } from '../server/services/auth/setPasswordLink.js';
import { createUser, UserExistsError } from '../server/services/users/createUser.js';
import { resolveSessionSecret } from '../server/sessionSecret.js';
import { deriveSigningSecret } from '../server/signingSecret.js';

const USAGE =
  'Usage: npm run user:create -- --email ops@example.com [--role admin|user] [--name "Ops Team"]\n' +
  '       npm run user:create -- --email ops@example.com --reissue';

const argsSchema = z.discriminatedUnion('reissue', [
  z.strictObject({
    reissue: z.literal(false),
    email: z.email().max(320),
    role: z.enum(ROLES).default('user'),
    name: z.string().trim().min(1).max(200).optional(),
  }),
  // A new link changes nothing about the user: role and name are refused rather than silently ignored.
  z.strictObject({ reissue: z.literal(true), email: z.email().max(320) }),
]);
type Args = z.infer<typeof argsSchema>;

/** Thrown for bad arguments or a refused request: printed with no stack trace. */
class UsageError extends Error {
  constructor(message: string, readonly showUsage = true) {
    super(message);
  }
}

function readInput(argv: string[]): Args {
  let values: { email?: string; role?: string; name?: string; reissue?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        reissue: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) {
    console.error(USAGE);
    process.exit(0);
  }
  const { help: _help, ...fields } = values;
  const parsed = argsSchema.safeParse({ ...fields, email: fields.email ?? '', reissue: fields.reissue ?? false });
  if (!parsed.success) {
    const lines = zodIssuesToDetails(parsed.error.issues).map((d) =>
      d.message === 'Unknown field' ? `  --${d.path}: not allowed with --reissue` : `  --${d.path.split('.')[0]}: ${d.message}`,
    );
    throw new UsageError(`Invalid arguments:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

async function userFor(db: Db, args: Args) {
  if (args.reissue) {
    const user = await db.user.findUnique({ where: { email: args.email.toLowerCase() }, select: { id: true, email: true, role: true } });
    if (!user) throw new UsageError(`No user with the email ${args.email.toLowerCase()}. Nothing was changed.`, false);
    console.error(`New set-password link for ${user.role} ${user.email}.`);
    return user;
  }
  try {
    const user = await createUser(db, { email: args.email, name: args.name ?? args.email.split('@')[0]!, role: args.role });
    console.error(`Created ${user.role} ${user.email}.`);
    return user;
  } catch (err) {
    if (!(err instanceof UserExistsError)) throw err;
    throw new UsageError(
      `${err.message}. Nothing was changed.\nTo give them a new set-password link: npm run user:create -- --email ${err.email} --reissue`,
      false,
    );
  }
}

async function main(): Promise<void> {
  const args = readInput(process.argv.slice(2));
  const config = loadConfig();
  // The server's own directory checks: a bad DATA_DIR is one line naming it, not a stack trace.
  await prepareWritableDirectories(config);
  const verbose = config.logLevel !== 'silent';
  await migrateDatabase(config.databaseUrl, { log: verbose ? (msg) => console.error(msg) : undefined });
  // The same secret and derivation as the server, so the server accepts the link's signature.
  const signingSecret = deriveSigningSecret(await resolveSessionSecret(config));
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const db = await openDatabase(config.databaseUrl, config.dialect);
  try {
    const user = await userFor(db, args);
    const link = await createSetPasswordLink(db, { signingSecret, publicUrl }, user.id);
    if (!config.publicUrl) console.error(`PUBLIC_URL is not set: the link assumes the app is at ${publicUrl}.`);
    console.error(`Open this link before ${link.expiresAt.toISOString()} to set the password; it works once:`);
    console.log(link.url);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) console.error(err.showUsage ? `${err.message}\n${USAGE}` : err.message);
  else if (err instanceof ConfigError) console.error(err.message);
  else console.error('Could not create the user:', err);
  process.exit(1);
});
