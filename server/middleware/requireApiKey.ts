import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../db/client.js';
import { authenticateApiKey, type ApiKeyPrincipal } from '../services/apiKeys/authenticateApiKey.js';

/** Extracts the secret from `Authorization: Bearer <key>`. */
function bearerSecret(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** Admits requests carrying a valid, unrevoked API key with `scope`; the key lands in `res.locals.apiKey`. */
export function requireApiKey(db: Db, scope: string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    res.locals.apiKey = await authenticateApiKey(db, bearerSecret(req), scope);
    next();
  };
}

/** The API key admitted by requireApiKey. */
export const currentApiKey = (res: Response): ApiKeyPrincipal => res.locals.apiKey as ApiKeyPrincipal;
