import { describe, expect, it } from 'vitest';
import { connectErrorRetryAfterMs } from '../../shared/sessionIdentity.ts';

describe('connectErrorRetryAfterMs', () => {
  it('reads the wait of an `unavailable` refusal and nothing else', () => {
    expect(connectErrorRetryAfterMs(Object.assign(new Error('unavailable'), { data: { retryAfterMs: 1234 } }))).toBe(1234);
    expect(connectErrorRetryAfterMs(Object.assign(new Error('unavailable'), { data: { retryAfterMs: 10 * 60_000 } }))).toBe(60_000);
    expect(connectErrorRetryAfterMs(new Error('unavailable'))).toBeUndefined();
    expect(connectErrorRetryAfterMs(Object.assign(new Error('unavailable'), { data: { retryAfterMs: '5' } }))).toBeUndefined();
    expect(connectErrorRetryAfterMs(Object.assign(new Error('unavailable'), { data: { retryAfterMs: -1 } }))).toBeUndefined();
    expect(connectErrorRetryAfterMs(Object.assign(new Error('unavailable'), { data: null }))).toBeUndefined();
    expect(connectErrorRetryAfterMs(Object.assign(new Error('websocket error'), { data: { retryAfterMs: 1234 } }))).toBeUndefined();
  });
});
