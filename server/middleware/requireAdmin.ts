import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../db/client.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { getUserRole } from '../services/users/getUserRole.js';

/**
 * Admits signed-in admins only: 401 without a session, 403 for other roles. The role is read from the
 * database on every request, not from the session, so a demoted admin loses access at once.
 */
export function requireAdmin(db: Db) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const userId = req.session.userId;
    if (!userId) return next(UnauthorizedError());
    const role = await getUserRole(db, userId);
    if (!role) return next(UnauthorizedError());
    if (role !== 'admin') return next(ForbiddenError('Admins only'));
    next();
  };
}
