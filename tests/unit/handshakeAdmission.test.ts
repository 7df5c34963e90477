import { describe, expect, it } from 'vitest';
import { HandshakeAdmission } from '../../server/realtime/handshakeAdmission.js';

/** A gate on a clock the test moves, with a fixed "random" jitter (0.5 → factor 1). */
function gate(limit: number, random = () => 0.5) {
  let now = 1_000_000;
  const admission = new HandshakeAdmission(limit, () => now, random);
  return { admission, advance: (ms: number) => (now += ms) };
}

const place = (entry: ReturnType<HandshakeAdmission['tryEnter']>) => {
  if (!('release' in entry)) throw new Error(`refused: ${entry.retryAfterMs} ms`);
  return entry;
};
const refusal = (entry: ReturnType<HandshakeAdmission['tryEnter']>) => {
  if (!('retryAfterMs' in entry)) throw new Error('admitted');
  return entry.retryAfterMs;
};

describe('HandshakeAdmission', () => {
  it('admits up to the limit, refuses beyond it, and admits again once a place is released (twice is harmless)', () => {
    const { admission } = gate(2);
    const a = place(admission.tryEnter());
    place(admission.tryEnter());
    refusal(admission.tryEnter());
    a.release();
    a.release();
    expect(admission.active).toBe(1);
    place(admission.tryEnter());
    refusal(admission.tryEnter());
  });

  it('asks the refused to come back after the time the node needs for them at the rate it finishes handshakes', () => {
    const { admission, advance } = gate(1);
    // 200 handshakes finished over one second: 200/s.
    for (let i = 0; i < 200; i++) {
      place(admission.tryEnter()).release();
      advance(5);
    }
    const held = place(admission.tryEnter());
    const waits = Array.from({ length: 400 }, () => refusal(admission.tryEnter()));
    // The 400th refused waits for ~400 others at 200/s (2 s × jitter factor 1 here), the first ones the minimum.
    expect(waits[0]).toBe(250);
    expect(waits[399]).toBeGreaterThan(1500);
    expect(waits[399]).toBeLessThan(2500);
    expect(waits).toEqual([...waits].sort((x, y) => x - y)); // later refusals wait longer
    held.release();
  });

  it('spreads the same situation over [0.5, 1.5) of the estimate, within 250 ms – 15 s', () => {
    const estimate = (random: number) => {
      const { admission } = gate(1, () => random);
      place(admission.tryEnter());
      let last = 0;
      for (let i = 0; i < 1000; i++) last = refusal(admission.tryEnter());
      return last;
    };
    // No rate measured yet: the floor of 100/s applies, 1,000 refused → 10 s.
    expect(estimate(0)).toBe(5000);
    expect(estimate(0.5)).toBe(10_000);
    expect(estimate(0.999)).toBe(14_990);
    const { admission } = gate(1, () => 0.999);
    place(admission.tryEnter());
    let last = 0;
    for (let i = 0; i < 5000; i++) last = refusal(admission.tryEnter());
    expect(last).toBe(15_000);
  });

  it('forgets refusals and rates two windows later', () => {
    const { admission, advance } = gate(1);
    const held = place(admission.tryEnter());
    for (let i = 0; i < 1000; i++) refusal(admission.tryEnter());
    advance(2500);
    expect(refusal(admission.tryEnter())).toBe(250);
    held.release();
  });
});
