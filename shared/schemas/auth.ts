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

/** A demo account the sign-in page may offer: seeded on first run of a non-production install. */
export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  /** The shared demo password (published in the README); a demo account has nothing secret. */
  password: string;
}

/**
 * Answer of `GET /api/auth/config` (public): what the sign-in page may show before anyone signs in.
 * `demoAccounts` is null unless demo seeding is on (`SEED_DEMO`, never with `NODE_ENV=production`) and
 * the seeded accounts exist in the database.
 */
export interface AuthConfig {
  demoAccounts: DemoAccount[] | null;
}
