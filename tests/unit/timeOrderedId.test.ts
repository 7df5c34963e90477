import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../../server/timeOrderedId.js';

describe('timeOrderedId', () => {
  it('is a version 7 UUID (RFC 9562) carrying the current Unix time in ms', () => {
    const before = Date.now();
    const id = timeOrderedId();
    const after = Date.now();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ms = parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
  });

  it('never repeats across pool refills, and ids of a later millisecond sort after earlier ones', async () => {
    const first = Array.from({ length: 10_000 }, () => timeOrderedId());
    expect(new Set(first).size).toBe(first.length);
    // Random bits differ across refills too (the pool is refilled every 256 ids).
    expect(new Set(first.map((id) => id.slice(-12))).size).toBe(first.length);
    await new Promise((resolve) => setTimeout(resolve, 2));
    const later = timeOrderedId();
    expect(first.every((id) => id < later)).toBe(true);
  });
});
