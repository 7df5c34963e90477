import { z } from 'zod';
import type { Role } from '../types.js';
import { ROLES } from '../types.js';
import { passwordSchema, setPasswordTokenSchema } from './auth.js';

// Accounts of the standalone web app: invitations, "forgot password", change password, the user's sessions.

/** Body of `POST /api/auth/password-reset` ("Forgot password?"): where to send a set-password link. */
export const passwordResetRequestSchema = z.strictObject({ email: z.email().max(320) });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

/** Body of `POST /api/account/password`: the current password proves it is the person, not just their open tab. */
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** Answer of `POST /api/account/password` and `POST /api/account/sessions/end-others`. */
export interface EndedSessions {
  /** How many other sessions of the user were signed out (their sockets too). */
  endedSessions: number;
}

/** A session id as the sessions list gives it: an opaque handle, never the cookie's session id. */
export const sessionHandleSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Must be a session id from the sessions list');

/** Path parameters of `DELETE /api/account/sessions/:id`. */
export const sessionParamsSchema = z.strictObject({ id: sessionHandleSchema });

/** One signed-in session of the current user (`GET /api/account/sessions`). */
export interface SessionDto {
  /** Opaque handle for `DELETE /api/account/sessions/:id` (a hash of the session id, which stays secret). */
  id: string;
  /** The browser's User-Agent at sign-in ('' when it sent none); the client turns it into "Chrome on Linux". */
  userAgent: string;
  /** ISO 8601: when the user signed in. */
  createdAt: string;
  /** ISO 8601: the last request made with this session (null: none since sign-in was stored). */
  lastSeenAt: string | null;
  /** ISO 8601: when the session ends unless used again. */
  expiresAt: string;
  /** The session of the request: "this device". */
  current: boolean;
}

/** Answer of `GET /api/account/sessions`: the current session first, then the most recently seen. */
export interface SessionList {
  items: SessionDto[];
}

/** Body of `POST /api/admin/invitations`. The name defaults to the email's local part. */
export const createInvitationSchema = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).default('user'),
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

/** Where an invitation stands; `expired` is computed from `expiresAt`. */
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** One invitation as the admin users page lists it. */
export interface InvitationDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: InvitationStatus;
  /** ISO 8601 timestamps. */
  createdAt: string;
  sentAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  /** Who sent it (null when that admin was deleted). */
  invitedBy: { id: string; name: string } | null;
}

/** Answer of `GET /api/admin/invitations`: newest first, the last 200. */
export interface InvitationList {
  items: InvitationDto[];
}

/** Body of `POST /api/auth/invitations/check`: is this invitation link still good, and for whom? */
export const checkInvitationSchema = z.strictObject({ token: setPasswordTokenSchema });

/** Body of `POST /api/auth/invitations/accept`: the invitation link's token and the new account's password. */
export const acceptInvitationSchema = z.strictObject({ token: setPasswordTokenSchema, password: passwordSchema });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;
