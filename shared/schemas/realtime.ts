import { z } from 'zod';

/** A user id as a client sends it back: opaque, printable, bounded (ids are cuids today). */
export const expectedUserIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, 'Must be a user id (printable ASCII, no spaces)');

/**
 * Socket handshake `auth` payload: `lastSeq`, the highest seq below which the client misses nothing, and
 * `userId`, the user the client believes it is signed in as. A session of another user is refused with
 * `connect_error` `session_changed` (shared/sessionIdentity.ts) before anything is replayed: the watermark
 * belongs to the user it was counted for.
 */
export const socketAuthSchema = z.object({
  lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  userId: expectedUserIdSchema.optional(),
  /** A host-signed user token (server/services/userTokens/); without it the session cookie authenticates. */
  token: z.string().min(1).max(8192).optional(),
});

/** How many missed notifications a reconnect replays one by one; beyond that the client refetches. */
export const REPLAY_LIMIT = 500;

/** `sync.request` payload: the watermark after which the client misses something. */
export const syncRequestSchema = z.strictObject({
  afterSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
