import { describe, expect, it } from 'vitest';
import { OptionsError, parseBenchOptions } from '../bench/options.ts';
import { formatMs, formatRatio, percentile, summarize } from '../bench/stats.ts';
import { atLeast, atMost, renderTable, withinBaseline } from '../bench/table.ts';

describe('bench percentiles', () => {
  it('takes the nearest rank: p99 of 100 samples is the 99th, of 10 the largest', () => {
    const hundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBe(10);
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([], 0.99)).toBeNaN();
  });

  it('summarizes samples in any order, numerically, without touching them', () => {
    const samples = [100, 9, 20, 3];
    expect(summarize(samples)).toEqual({ n: 4, p50: 9, p99: 100, max: 100 });
    expect(samples).toEqual([100, 9, 20, 3]);
  });

  it('prints durations and ratios readably', () => {
    expect(formatMs(0.4)).toBe('0.40 ms');
    expect(formatMs(47)).toBe('47.0 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatMs(57_000)).toBe('57.0 s');
    expect(formatMs(Number.NaN)).toBe('–');
    expect(formatRatio(136, 1079)).toBe('0.13×');
    expect(formatRatio(8.6, 1.4)).toBe('6.1×');
    expect(formatRatio(1, 0)).toBe('–');
  });
});

describe('bench table', () => {
  it('puts each figure beside its baseline, the ratio and whether the goal is met', () => {
    const table = renderTable([
      { figure: 'ingest', unit: 'perSecond', flashnotify: 2100, baseline: 2800, goal: atLeast(2000, '≥ 2,000/s') },
      { figure: 'cpu', unit: 'ms', flashnotify: 8.6, baseline: 1.4, goal: withinBaseline(3, '≤ 3× baseline') },
      { figure: 'bulk', unit: 'perSecond', flashnotify: 'endpoint not available', baseline: 9000, goal: atLeast(10_000, '≥ 10,000/s') },
      { figure: 'lost', unit: 'count', flashnotify: 0, baseline: undefined, goal: atMost(0, '0') },
    ]);
    const lines = table.split('\n').map((line) => line.split('|').map((cell) => cell.trim()).filter(Boolean));
    expect(lines[0]).toEqual(['figure', 'FlashNotify', 'baseline', 'ratio', 'issue 9 goal']);
    expect(lines[2]).toEqual(['ingest', '2,100/s', '2,800/s', '0.75×', '✓ ≥ 2,000/s']);
    expect(lines[3]).toEqual(['cpu', '8.60 ms', '1.40 ms', '6.1×', '✗ ≤ 3× baseline']);
    expect(lines[4]).toEqual(['bulk', 'endpoint not available', '9,000/s', '–', '≥ 10,000/s']);
    expect(lines[5]).toEqual(['lost', '0', '–', '–', '✓ 0']);
    expect(new Set(table.split('\n').map((line) => line.length)).size).toBe(1);
  });
});

describe('bench options', () => {
  it('scales counts and durations by BENCH_SCALE, not the rates, and takes figures by name or number', () => {
    const options = parseBenchOptions(['--only', 'ingest,6', '--pg'], { BENCH_SCALE: '0.1' })!;
    expect([...options.figures]).toEqual(['ingest', 'storm']);
    expect([...options.databases]).toEqual(['sqlite', 'pg']);
    expect(options.sockets).toBe(1000);
    expect(options.users).toBe(10_000);
    expect(options.rates).toEqual([500, 1000]);
    expect(options.durationS).toBe(2);
  });

  it('lets flags win over the scale and keeps users at least the sockets', () => {
    const options = parseBenchOptions(['--sockets', '2000', '--users', '500'], { BENCH_SCALE: '3' })!;
    expect(options.sockets).toBe(2000);
    expect(options.users).toBe(2000);
  });

  it('names the flag that is wrong', () => {
    expect(() => parseBenchOptions(['--only', 'ingest,speed'], {})).toThrow(/--only: unknown figure "speed"/);
    expect(() => parseBenchOptions(['--sockets', '-5'], {})).toThrow(/--sockets/);
    expect(() => parseBenchOptions(['--socket', '5'], {})).toThrow(OptionsError);
    expect(() => parseBenchOptions([], { BENCH_SCALE: 'big' })).toThrow(/BENCH_SCALE/);
    expect(parseBenchOptions(['--help'], {})).toBeUndefined();
  });
});
