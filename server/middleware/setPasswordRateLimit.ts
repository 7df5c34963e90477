import type { Request, RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { clientAddress, failedAttemptLimiter } from './loginRateLimits.js';

const LIMITED = { message: 'Too many failed attempts; try again later', what: 'set-password link' };

/** The link's signature: what tells one link from another (the rest of a token repeats across links). */
const linkKey = (req: Request) => {
  const token = (req.body as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? token.slice(-43) : '';
};

/**
 * Failed attempts at the one-time links (set-password and invitation: check and use), limited as sign-in is
 * (loginRateLimits): per client address across all links (`LOGIN_RATE_LIMIT_PER_ADDRESS`), and per client
 * address and link (`LOGIN_RATE_LIMIT`), so one person retrying an expired link, or a stranger behind the
 * same NAT, does not lock everyone else's links. Tokens are HMAC-signed, so this is not what stops guessing;
 * it keeps the argon2 hashing behind the routes from being a free CPU sink.
 *
 * @example
 * router.post('/set-password', ...setPasswordRateLimits(ctx), handler);
 */
export function setPasswordRateLimits(ctx: AppContext): RequestHandler[] {
  return [
    failedAttemptLimiter(ctx, 'set-password-address', ctx.config.loginRateLimitPerAddress, clientAddress, LIMITED),
    failedAttemptLimiter(ctx, 'set-password', ctx.config.loginRateLimit, (req) => `${clientAddress(req)}|${linkKey(req)}`, LIMITED),
  ];
}
