import type { NextFunction, Request, Response } from 'express';
import type { ApiKeyScope } from '../../shared/types.js';
import type { AppContext } from '../context.js';
import { ForbiddenError } from '../errors.js';
import { createApiKeyAuthenticator, type ApiKeyPrincipal } from '../services/apiKeys/authenticateApiKey.js';

/** Extracts the secret from `Authorization: Bearer <key>`. */
function bearerSecret(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/**
 * Admits requests carrying a valid, unrevoked API key (401 otherwise); the key lands in `res.locals.apiKey`.
 * Each call makes one authenticator with its own key cache: mount it once per app.
 */
export function requireApiKey(ctx: AppContext) {
  const authenticate = createApiKeyAuthenticator(ctx);
  return async (req: Request, res: Response, next: NextFunction) => {
    res.locals.apiKey = await authenticate(bearerSecret(req));
    next();
  };
}

/** 403 unless the admitted key has `scope`. */
export function requireScope(scope: ApiKeyScope) {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (!currentApiKey(res).scopes.includes(scope)) return next(ForbiddenError(`This API key lacks the ${scope} scope`));
    next();
  };
}

/** The API key admitted by requireApiKey. */
export const currentApiKey = (res: Response): ApiKeyPrincipal => res.locals.apiKey as ApiKeyPrincipal;
