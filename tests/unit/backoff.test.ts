import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF, nextRetry } from '../../client/src/lib/backoff.ts';

describe('backoffCeiling', () => {
  it('starts at the base and doubles per attempt, up to the cap (5 s, as Socket.IO’s own default)', () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffCeiling(n))).toEqual([500, 1000, 2000, 4000, 5000]);
  });

  it('never exceeds the cap, even for huge attempt numbers', () => {
    expect(backoffCeiling(5)).toBe(5_000);
    expect(backoffCeiling(10_000)).toBe(5_000);
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

describe('nextRetry', () => {
  it('backs off with jitter when the server said nothing, as a failed attempt', () => {
    expect(nextRetry(3, undefined, DEFAULT_BACKOFF, () => 0.5)).toEqual({ delayMs: 2000, failed: true });
  });

  it('waits exactly the time the server asked for, without growing the backoff', () => {
    expect(nextRetry(3, 3210, DEFAULT_BACKOFF, () => 0.5)).toEqual({ delayMs: 3210, failed: false });
    expect(nextRetry(0, 0)).toEqual({ delayMs: 0, failed: false });
  });
});
