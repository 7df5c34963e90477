import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../server/outbound/retryAfter.js';

describe('retryAfterMs (RFC 9110 Retry-After)', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to now, never below 0', () => {
    expect(retryAfterMs('Tue, 01 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('caps a wait at one day', () => {
    expect(retryAfterMs('999999999', now)).toBe(24 * 60 * 60 * 1000);
  });

  it('is undefined when absent or unreadable', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
});
