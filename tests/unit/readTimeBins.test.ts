import { describe, expect, it } from 'vitest';
import { histogramQuantile, MAX_READ_BIN, readTimeBin } from '../../server/services/analytics/readTimeBins.js';

describe('time-to-read histogram', () => {
  it('puts times in log-scale bins, two per doubling', () => {
    expect(readTimeBin(-5)).toBe(0);
    expect(readTimeBin(999)).toBe(0);
    expect(readTimeBin(1000)).toBe(1);
    expect(readTimeBin(1414)).toBe(1);
    expect(readTimeBin(1415)).toBe(2);
    expect(readTimeBin(2000)).toBe(3);
    expect(readTimeBin(60 * 86_400_000)).toBe(MAX_READ_BIN);
  });

  it('answers quantiles within ±19 % of the exact time', () => {
    const times = Array.from({ length: 1000 }, (_, i) => 1000 + i * 3_600); // 1 s … ~1 h
    const counts = new Map<number, number>();
    for (const ms of times) counts.set(readTimeBin(ms), (counts.get(readTimeBin(ms)) ?? 0) + 1);
    for (const q of [0.5, 0.9]) {
      const exact = times[Math.ceil(q * times.length) - 1]! / 1000;
      const estimate = histogramQuantile(counts, q)!;
      expect(Math.abs(estimate / exact - 1)).toBeLessThan(0.19);
    }
    expect(histogramQuantile(new Map(), 0.5)).toBeNull();
  });
});
