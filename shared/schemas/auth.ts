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
  /** The language the person chose in their settings; null: the browser's (the app follows `navigator.languages`). */
  locale: string | null;
}

/**
 * Answer of `POST /api/auth/login` and `GET /api/auth/session`. Every cookie-authenticated mutation must
 * send `csrfToken` back in the `x-csrf-token` header.
 */
export interface SessionInfo {
  user: SessionUser;
  csrfToken: string;
}

/**
 * Password rules for a password a person sets (NIST SP 800-63B §5.1.1.2: length over composition rules):
 * at least 12 characters (counted as code points, so "é" or an emoji is one), at most 200 UTF-16 units (the
 * sign-in form's limit), not only spaces. No character classes required; any Unicode is allowed.
 */
export const PASSWORD_MIN_CHARS = 12;
export const PASSWORD_MAX_LENGTH = 200;
export const passwordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH, `Must be at most ${PASSWORD_MAX_LENGTH} characters`)
  .refine((value) => Array.from(value).length >= PASSWORD_MIN_CHARS, `Must be at least ${PASSWORD_MIN_CHARS} characters`)
  .refine((value) => value.trim() !== '', 'Must not be only spaces');

/** A set-password token as it appears after `#token=` in the link (`base64url.base64url`). */
export const setPasswordTokenSchema = z.string().min(1).max(1024);

/** Body of `POST /api/auth/set-password`: the one-time link's token and the new password. */
export const setPasswordSchema = z.strictObject({ token: setPasswordTokenSchema, password: passwordSchema });
export type SetPasswordInput = z.infer<typeof setPasswordSchema>;

/** Body of `POST /api/auth/set-password/check`: is this link still good, and for whom? */
export const checkSetPasswordSchema = z.strictObject({ token: setPasswordTokenSchema });

/** Answer of `POST /api/auth/set-password/check` (and of a successful set-password: `email`). */
export interface SetPasswordTokenInfo {
  email: string;
  name: string;
  /** ISO 8601: when the link stops working. */
  expiresAt: string;
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
 * a seeded account still has the published password; it lists only those accounts.
 */
export interface AuthConfig {
  demoAccounts: DemoAccount[] | null;
}
