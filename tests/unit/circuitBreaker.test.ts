import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../server/delivery/circuitBreaker.js';

describe('CircuitBreaker', () => {
  it('opens after the threshold, probes once after the cool-down, closes on success', () => {
    let now = 0;
    const breaker = new CircuitBreaker(3, 1000, () => now);
    for (let i = 0; i < 2; i++) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.onFailure();
    }
    expect(breaker.snapshot().state).toBe('closed');
    breaker.onFailure();
    expect(breaker.snapshot()).toMatchObject({ state: 'open', consecutiveFailures: 3 });
    expect(breaker.tryAcquire()).toBe(false);

    now = 1000;
    expect(breaker.snapshot().state).toBe('half_open');
    expect(breaker.tryAcquire()).toBe(true); // the probe
    expect(breaker.tryAcquire()).toBe(false); // only one at a time
    breaker.onSuccess();
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
  });

  it('re-opens for a full cool-down when the probe fails', () => {
    let now = 0;
    const breaker = new CircuitBreaker(1, 500, () => now);
    breaker.onFailure();
    now = 600;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onFailure();
    expect(breaker.snapshot().state).toBe('open');
    expect(breaker.retryAt()).toBe(1100);
  });
});
