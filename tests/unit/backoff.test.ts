import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF } from '../../client/src/lib/backoff.ts';

describe('backoffCeiling', () => {
  it('starts at the base and doubles per attempt', () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffCeiling(n))).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('never exceeds the cap, even for huge attempt numbers', () => {
    expect(backoffCeiling(5)).toBe(15_000);
    expect(backoffCeiling(10_000)).toBe(15_000);
  });

  it('treats negative or fractional attempts as the nearest lower non-negative integer', () => {
    expect(backoffCeiling(-3)).toBe(500);
    expect(backoffCeiling(1.9)).toBe(1000);
  });

  it('honours custom options', () => {
    expect(backoffCeiling(2, { baseMs: 100, factor: 3, capMs: 10_000 })).toBe(900);
  });
});

describe('backoffDelay (full jitter)', () => {
  it('spans 0 up to the ceiling depending on the random source', () => {
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0)).toBe(0);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.5)).toBe(2000);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.999_999)).toBe(3999);
  });

  it('stays within [0, ceiling) with the real random source', () => {
    for (let attempt = 0; attempt < 12; attempt += 1) {
      for (let i = 0; i < 50; i += 1) {
        const delay = backoffDelay(attempt);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(backoffCeiling(attempt));
      }
    }
  });
});
