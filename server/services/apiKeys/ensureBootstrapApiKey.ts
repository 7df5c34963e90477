import type { AppContext } from '../../context.js';
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from './apiKeySecrets.js';

const BOOTSTRAP_SCOPES = 'notifications:write,users:write';

/**
 * Makes sure a service can post from the first minute: registers `BOOTSTRAP_API_KEY` when it is set, or,
 * when no key exists at all, generates one and prints it once (only its hash is kept).
 * Returns the generated secret, if one was generated.
 */
export async function ensureBootstrapApiKey(ctx: AppContext): Promise<string | undefined> {
  const configured = ctx.config.bootstrapApiKey;
  if (configured) {
    const secretHash = hashApiKeySecret(configured);
    await ctx.db.apiKey.upsert({
      where: { secretHash },
      update: {},
      create: { name: 'Bootstrap (BOOTSTRAP_API_KEY)', prefix: apiKeyPrefix(configured), secretHash, scopes: BOOTSTRAP_SCOPES },
    });
    return undefined;
  }
  if ((await ctx.db.apiKey.count()) > 0) return undefined;
  const secret = generateApiKeySecret();
  await ctx.db.apiKey.create({
    data: { name: 'Bootstrap (generated)', prefix: apiKeyPrefix(secret), secretHash: hashApiKeySecret(secret), scopes: BOOTSTRAP_SCOPES },
  });
  ctx.log.warn(`Generated a bootstrap API key; it is shown only this once: ${secret}`);
  return secret;
}
