import { z } from 'zod';

/** Socket handshake `auth` payload: the highest seq below which the client misses nothing. */
export const socketAuthSchema = z.object({
  lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** How many missed notifications a reconnect replays one by one; beyond that the client refetches. */
export const REPLAY_LIMIT = 500;

/** `sync.request` payload: the watermark after which the client misses something. */
export const syncRequestSchema = z.strictObject({
  afterSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
