import { z } from 'zod';

// Page cursors and row ids, checked for format and range before any query sees them: a cursor the
// database cannot compare (a seq beyond its integer column, an instant beyond its dates) used to be a 500.

/** Largest value of a Prisma `Int` column (PostgreSQL `integer`, 32-bit signed), e.g. `Notification.seq`. */
export const INT4_MAX = 2_147_483_647;

/**
 * Latest instant a time cursor may name: 9999-12-31T23:59:59.999Z. JavaScript dates reach year 275760 and
 * PostgreSQL 294276, but ISO-8601 text (how dates are compared on SQLite) orders correctly only with
 * four-digit years, and no row is created after it.
 */
export const MAX_CURSOR_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const NOT_A_CURSOR = 'Must be a cursor returned by a previous page';

/** Row ids the server hands out (cuid or uuid): letters, digits, `-` and `_`, at most 64. */
export const rowIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Must be an id returned by the API');

/** Path parameters `{ id }` of every route addressing one row by id. */
export const idParamsSchema = z.strictObject({ id: rowIdSchema });

/** A cursor that is the id of the last row of the previous page (deliveries, outbox, sends, subscribers). */
export const idCursorSchema = rowIdSchema.meta({ description: 'The `nextCursor` of the previous page' });

/** The inbox cursor: the `seq` of the last item of the previous page, a positive 32-bit integer. */
export const seqCursorSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, NOT_A_CURSOR)
  .refine((cursor) => Number(cursor) <= INT4_MAX, NOT_A_CURSOR);

/** Position after the last item of a page of the snoozed view, ordered by (snoozedUntil, seq), soonest first. */
export interface SnoozeCursor {
  snoozedUntil: Date;
  seq: number;
}

/**
 * `<snoozedUntil ms in base36>_<seq>`: the snoozed view's cursor (the other inbox views use the seq alone).
 *
 * @example
 * encodeSnoozeCursor({ snoozedUntil: new Date(36_000), seq: 7 }); // 'rs0_7'
 */
export const encodeSnoozeCursor = ({ snoozedUntil, seq }: SnoozeCursor): string => `${snoozedUntil.getTime().toString(36)}_${seq}`;

/** The position a snooze cursor names, or undefined when it is malformed or out of range. */
export function decodeSnoozeCursor(cursor: string): SnoozeCursor | undefined {
  const match = /^([0-9a-z]{1,10})_([1-9][0-9]{0,9})$/.exec(cursor);
  if (!match) return undefined;
  const ms = parseInt(match[1]!, 36);
  const seq = Number(match[2]);
  return ms <= MAX_CURSOR_TIME_MS && seq <= INT4_MAX ? { snoozedUntil: new Date(ms), seq } : undefined;
}

/** Position after the last row of a page ordered by (createdAt, id), newest first. */
export interface TimeIdCursor {
  createdAt: Date;
  id: string;
}

/**
 * `<createdAt ms in base36>_<id>`: short enough for a 64-character cursor, opaque enough for clients.
 *
 * @example
 * encodeTimeIdCursor({ createdAt: new Date(0), id: 'ck1' }); // '0_ck1'
 */
export const encodeTimeIdCursor = ({ createdAt, id }: TimeIdCursor): string => `${createdAt.getTime().toString(36)}_${id}`;

/** The position a time cursor names, or undefined when it is malformed or its instant is out of range. */
export function decodeTimeIdCursor(cursor: string): TimeIdCursor | undefined {
  const match = /^([0-9a-z]{1,10})_([A-Za-z0-9_-]{1,53})$/.exec(cursor);
  if (!match) return undefined;
  const ms = parseInt(match[1]!, 36);
  return ms <= MAX_CURSOR_TIME_MS ? { createdAt: new Date(ms), id: match[2]! } : undefined;
}

/** A `(createdAt, id)` cursor (the user list), valid only when it decodes to an instant in range. */
export const timeIdCursorSchema = z
  .string()
  .max(64)
  .refine((cursor) => decodeTimeIdCursor(cursor) !== undefined, NOT_A_CURSOR);
