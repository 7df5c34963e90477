import type { AppContext } from '../../context.js';
import { insertUnlessExists } from '../uniqueViolation.js';
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from './apiKeySecrets.js';

const BOOTSTRAP_SCOPES = 'notifications:write,users:write';
/** Claimed in the same transaction as the generated key: its unique key lets exactly one node generate. */
const GENERATED_CLAIM = 'bootstrapApiKey.generatedAt';

/**
 * Makes sure a service can post from the first minute: registers `BOOTSTRAP_API_KEY` when it is set, or,
 * when no key exists at all, generates one and prints it once (only its hash is kept).
 * Returns the generated secret, if one was generated.
 *
 * Safe on several nodes at once: the configured key is inserted unless its hash exists (unique); a key
 * is generated only by the node whose claim row (AppSetting, unique key) commits together with the key,
 * so nodes that all found no key neither fail nor generate (and print) a second one.
 */
export async function ensureBootstrapApiKey(ctx: AppContext): Promise<string | undefined> {
  const { db } = ctx;
  const configured = ctx.config.bootstrapApiKey;
  if (configured) {
    const secretHash = hashApiKeySecret(configured);
    if (await db.apiKey.findUnique({ where: { secretHash }, select: { id: true } })) return undefined;
    await insertUnlessExists(() =>
      db.apiKey.create({
        data: { name: 'Bootstrap (BOOTSTRAP_API_KEY)', prefix: apiKeyPrefix(configured), secretHash, scopes: BOOTSTRAP_SCOPES },
      }),
    );
    return undefined;
  }
  if ((await db.apiKey.count()) > 0) return undefined;
  const secret = generateApiKeySecret();
  const generated = await insertUnlessExists(() =>
    db.$transaction([
      db.appSetting.create({ data: { key: GENERATED_CLAIM, value: new Date().toISOString() } }),
      db.apiKey.create({
        data: { name: 'Bootstrap (generated)', prefix: apiKeyPrefix(secret), secretHash: hashApiKeySecret(secret), scopes: BOOTSTRAP_SCOPES },
      }),
    ]),
  );
  if (!generated) return undefined;
  ctx.log.warn(`Generated a bootstrap API key; it is shown only this once: ${secret}`);
  return secret;
}
