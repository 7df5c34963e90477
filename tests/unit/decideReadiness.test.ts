import { describe, expect, it } from 'vitest';
import type { LoopBeat } from '../../server/runState.js';
import type { DependencyReport } from '../../server/services/health/checkDependencies.js';
import { decideReadiness, isLoopStale, type MigrationState } from '../../server/services/health/decideReadiness.js';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const up: DependencyReport = { status: 'ok', checks: { database: 'ok' } };
const dbDown: DependencyReport = { status: 'unavailable', checks: { database: 'unavailable' } };
const redisDown: DependencyReport = { status: 'unavailable', checks: { database: 'ok', redis: 'unavailable' } };
const beat = (loop: LoopBeat['loop'], intervalMs: number, agoMs: number, watchedByReadiness = true): LoopBeat => ({ loop, intervalMs, lastBeatAt: NOW - agoMs, watchedByReadiness });
const fresh = [beat('delivery', 1000, 200), beat('sendScheduler', 1000, 900), beat('digests', 60_000, 59_000)];

describe('isLoopStale', () => {
  it.each([
    // intervalMs, ageMs, stale: five intervals, never under 30 s
    [1000, 29_999, false],
    [1000, 30_001, true],
    [50, 10_000, false],
    [60_000, 299_000, false],
    [60_000, 300_001, true],
  ])('interval %i ms, last turn %i ms ago → stale %s', (intervalMs, ageMs, stale) => {
    expect(isLoopStale(intervalMs, ageMs)).toBe(stale);
  });
});

describe('decideReadiness', () => {
  const cases: { name: string; dependencies: DependencyReport; migrations: MigrationState; beats: LoopBeat[]; shuttingDown: boolean; ready: boolean }[] = [
    { name: 'everything fine', dependencies: up, migrations: 'ok', beats: fresh, shuttingDown: false, ready: true },
    { name: 'no loop started yet', dependencies: up, migrations: 'ok', beats: [], shuttingDown: false, ready: true },
    { name: 'database down', dependencies: dbDown, migrations: 'unavailable', beats: fresh, shuttingDown: false, ready: false },
    { name: 'redis down', dependencies: redisDown, migrations: 'ok', beats: fresh, shuttingDown: false, ready: false },
    { name: 'a migration missing', dependencies: up, migrations: 'pending', beats: fresh, shuttingDown: false, ready: false },
    { name: 'a migration failed', dependencies: up, migrations: 'failed', beats: fresh, shuttingDown: false, ready: false },
    { name: 'the delivery loop stuck', dependencies: up, migrations: 'ok', beats: [...fresh.slice(1), beat('delivery', 1000, 45_000)], shuttingDown: false, ready: false },
    { name: 'the webhook worker stuck', dependencies: up, migrations: 'ok', beats: [...fresh, beat('webhooks', 1000, 45_000)], shuttingDown: false, ready: false },
    { name: 'housekeeping late (not watched)', dependencies: up, migrations: 'ok', beats: [...fresh, beat('housekeeping', 60_000, 3_600_000, false)], shuttingDown: false, ready: true },
    { name: 'shutting down', dependencies: up, migrations: 'ok', beats: fresh, shuttingDown: true, ready: false },
  ];
  it.each(cases)('$name → ready $ready', ({ dependencies, migrations, beats, shuttingDown, ready }) => {
    expect(decideReadiness({ dependencies, migrations, beats, shuttingDown, now: NOW }).status).toBe(ready ? 'ready' : 'unready');
  });

  it('names the failing check and each loop with its age', () => {
    const report = decideReadiness({ dependencies: redisDown, migrations: 'ok', beats: [beat('delivery', 1000, 45_000), beat('digests', 60_000, 1500)], shuttingDown: true, now: NOW });
    expect(report).toEqual({
      status: 'unready',
      checks: { database: 'ok', redis: 'unavailable', migrations: 'ok', loops: 'stale', shutdown: 'in_progress' },
      loops: { delivery: { ageSeconds: 45, stale: true }, digests: { ageSeconds: 1.5, stale: false } },
    });
  });

  it('lists a late housekeeping loop as stale without turning the node unready', () => {
    const report = decideReadiness({ dependencies: up, migrations: 'ok', beats: [...fresh, beat('analytics', 60_000, 400_000, false)], shuttingDown: false, now: NOW });
    expect(report.status).toBe('ready');
    expect(report.checks.loops).toBe('ok');
    expect(report.loops.analytics).toEqual({ ageSeconds: 400, stale: true });
  });
});
