/** The Analytics page's custom range: only spans the API accepts become a request. */
import { describe, expect, it } from 'vitest';
import { rangeFor } from '../../../client/src/features/admin/components/analytics/analyticsRange.js';
import { analyticsQuerySchema } from '../../../shared/schemas/analytics.js';

const now = new Date('2026-12-01T12:00:00Z');

describe('rangeFor (custom)', () => {
  it('asks for days while they are missing, invalid or out of order', () => {
    expect(rangeFor('custom', {}, now)).toBeNull();
    expect(rangeFor('custom', { from: 'garbage', to: '2026-12-01' }, now)).toBeNull();
    expect(rangeFor('custom', { from: '2026-12-05', to: '2026-12-01' }, now)).toBeNull();
  });

  it('gives a range the API accepts, by hour up to a week and by day beyond', () => {
    for (const days of [{ from: '2026-12-01', to: '2026-12-01' }, { from: '2026-11-01', to: '2026-12-01' }, { from: '2025-12-01', to: '2026-11-30' }]) {
      const range = rangeFor('custom', days, now);
      expect(range, JSON.stringify(days)).not.toBeNull();
      expect(analyticsQuerySchema.safeParse(range).success, JSON.stringify(days)).toBe(true);
    }
    expect(rangeFor('custom', { from: '2026-12-01', to: '2026-12-01' }, now)?.granularity).toBe('hour');
    expect(rangeFor('custom', { from: '2026-11-01', to: '2026-12-01' }, now)?.granularity).toBe('day');
  });

  it('asks for days again past the API\'s longest span instead of sending a range it refuses', () => {
    expect(rangeFor('custom', { from: '2020-01-01', to: '2026-12-01' }, now)).toBeNull();
    expect(rangeFor('custom', { from: '2025-11-01', to: '2026-12-01' }, now)).toBeNull();
  });
});
