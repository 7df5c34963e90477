import { z } from 'zod';
import type { Role } from '../types.js';

/** Body of `POST /api/auth/login`. */
export const loginSchema = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** The signed-in user as the client sees it. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * Answer of `POST /api/auth/login` and `GET /api/auth/session`. Every cookie-authenticated mutation must
 * send `csrfToken` back in the `x-csrf-token` header.
 */
export interface SessionInfo {
  user: SessionUser;
  csrfToken: string;
}
