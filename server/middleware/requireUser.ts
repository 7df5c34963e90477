import type { NextFunction, Request, Response } from 'express';
import { UnauthorizedError } from '../errors.js';

/** Lets a request through only with a signed-in session; `req.session.userId` is then set. */
export function requireUser(req: Request, _res: Response, next: NextFunction): void {
  if (!req.session.userId) return next(UnauthorizedError());
  next();
}

/** The signed-in user's id (use after requireUser or requireInboxUser): a user token's user comes first. */
export function currentUserId(req: Request): string {
  const userId = req.userToken?.userId ?? req.session.userId;
  if (!userId) throw UnauthorizedError();
  return userId;
}
