import { createHash, randomBytes } from 'node:crypto';

/** A new API key secret: `fn_` + 32 random bytes, base64url. */
export const generateApiKeySecret = (): string => `fn_${randomBytes(32).toString('base64url')}`;

/** SHA-256 hex of a secret; the only form stored. */
export const hashApiKeySecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** The visible start of a secret, shown in lists so people can tell keys apart. */
export const apiKeyPrefix = (secret: string): string => secret.slice(0, 10);
