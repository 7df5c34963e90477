import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../server/jobs/backoff.js';

describe('retryDelayMs (the job engine’s one backoff)', () => {
  it('grows exponentially with jitter between half and all of the nominal delay, capped (deliveries)', () => {
    const policy = { baseMs: 1000, maxMs: 10_000, jitter: true };
    expect(retryDelayMs(1, policy, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, () => 1)).toBe(1000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(3000);
    expect(retryDelayMs(10, policy, () => 1)).toBe(10_000);
  });

  it('is exact without jitter: scheduled sends retry after 2, 4, 8, 16 s, capped at a minute', () => {
    const policy = { baseMs: 2000, maxMs: 60_000, jitter: false };
    expect([1, 2, 3, 4, 10].map((attempt) => retryDelayMs(attempt, policy, () => 0))).toEqual([2000, 4000, 8000, 16_000, 60_000]);
  });

  it('is constant when the base is the cap (digests: 10 min), and counts attempts below 1 as the first', () => {
    const policy = { baseMs: 600_000, maxMs: 600_000, jitter: false };
    expect([0, 1, 5].map((attempt) => retryDelayMs(attempt, policy))).toEqual([600_000, 600_000, 600_000]);
  });
});
