import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../db/client.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { getUserAccess } from '../services/users/getUserAccess.js';

/** The admin requireAdmin admitted (`res.locals.admin`): who audit events name as their actor. */
export interface AdminPrincipal {
  id: string;
  email: string;
}

/**
 * Admits signed-in admins only: 401 without a session, 403 for other roles. The role is read from the
 * database on every request, not from the session, so a demoted admin loses access at once. The admin
 * lands in `res.locals.admin`.
 */
export function requireAdmin(db: Db) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const userId = req.session.userId;
    if (!userId) return next(UnauthorizedError());
    const access = await getUserAccess(db, userId);
    if (!access) return next(UnauthorizedError());
    if (access.role !== 'admin') return next(ForbiddenError('Admins only'));
    const admin: AdminPrincipal = { id: userId, email: access.email };
    res.locals.admin = admin;
    next();
  };
}
