import { describe, expect, it } from 'vitest';
import {
  decodeTimeIdCursor,
  encodeTimeIdCursor,
  INT4_MAX,
  MAX_CURSOR_TIME_MS,
  rowIdSchema,
  seqCursorSchema,
  timeIdCursorSchema,
} from '../../shared/schemas/cursors.js';
import { findUnstorableText } from '../../server/middleware/unstorableText.js';

describe('findUnstorableText', () => {
  it('names every string, at any depth, that holds NUL or a lone surrogate, by its dotted path', () => {
    const input = { title: 'ok', to: [{ email: 'a\u0000@x' }], data: { nested: ['\udc00'], ['k\u0000']: 1 }, emoji: '😀' };
    expect(findUnstorableText(input).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'data.k\u0000', message: 'Key: Must not contain NUL characters (U+0000)' },
      { path: 'data.nested.0', message: 'Must be well-formed Unicode text (no lone surrogates)' },
      { path: 'to.0.email', message: 'Must not contain NUL characters (U+0000)' },
    ]);
  });

  it('walks a body nested 200,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toHaveLength(1);
  });

  it('accepts well-formed text, surrogate pairs and other control characters (tabs, newlines)', () => {
    expect(findUnstorableText({ a: 'line\nnext\ttab 👩‍👩‍👧', b: 3, c: null })).toEqual([]);
  });
});

describe('cursor schemas', () => {
  it('seq cursors: positive integers up to the 32-bit column maximum', () => {
    expect(seqCursorSchema.safeParse(String(INT4_MAX)).success).toBe(true);
    for (const bad of [String(INT4_MAX + 1), '0', '01', '-1', '1.5', '99999999999999999999', '']) {
      expect(seqCursorSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('time cursors round-trip, and only name instants up to 9999-12-31', () => {
    const position = { createdAt: new Date('2026-11-30T10:00:00.123Z'), id: 'cm3k2x9f00001' };
    expect(decodeTimeIdCursor(encodeTimeIdCursor(position))).toEqual(position);
    const last = encodeTimeIdCursor({ createdAt: new Date(MAX_CURSOR_TIME_MS), id: 'x' });
    expect(timeIdCursorSchema.safeParse(last).success).toBe(true);
    for (const bad of [`${(MAX_CURSOR_TIME_MS + 1).toString(36)}_x`, `${(8.64e15 + 1).toString(36)}_x`, 'zzzzzzzzzzzz_x', '1_', '_x', '1_a b', 'x']) {
      expect(timeIdCursorSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('row ids: what cuid and uuid produce, nothing else', () => {
    for (const good of ['cm3k2x9f00001', '0b6a3c1e-8f2d-4e6a-9c1b-2d3e4f5a6b7c']) expect(rowIdSchema.safeParse(good).success).toBe(true);
    for (const bad of ['', '..', 'a/b', 'a%00', 'x'.repeat(65), 'é']) expect(rowIdSchema.safeParse(bad).success, bad).toBe(false);
  });
});
