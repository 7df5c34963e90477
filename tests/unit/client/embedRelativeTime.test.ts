/** The custom element's item times (client/src/embed/relativeTime.ts): Intl.RelativeTimeFormat, minutes counted down. */
import { describe, expect, it } from 'vitest';
import { relativeTimeFormatter } from '../../../client/src/embed/relativeTime.js';

const at = Date.parse('2026-05-01T10:00:00.000Z');
const later = (ms: number) => at + ms;
const MINUTE = 60_000;

describe('relativeTimeFormatter', () => {
  it('says how long ago in English, then the date', () => {
    const age = relativeTimeFormatter('en');
    const iso = new Date(at).toISOString();
    expect(age(iso, later(-5_000))).toBe('now');
    expect(age(iso, later(59_999))).toBe('now');
    expect(age(iso, later(MINUTE))).toBe('1 minute ago');
    expect(age(iso, later(2.5 * MINUTE))).toBe('2 minutes ago');
    expect(age(iso, later(59 * MINUTE))).toBe('59 minutes ago');
    expect(age(iso, later(61 * MINUTE))).toBe('1 hour ago');
    expect(age(iso, later(25 * 60 * MINUTE))).toBe('yesterday');
    expect(age(iso, later(3 * 24 * 60 * MINUTE))).toBe('3 days ago');
    expect(age(iso, later(8 * 24 * 60 * MINUTE))).toBe('May 1');
    expect(age(iso, Date.parse('2027-02-01T10:00:00.000Z'))).toBe('May 1, 2026');
  });

  it('speaks the given language', () => {
    expect(relativeTimeFormatter('de')(new Date(at).toISOString(), later(2 * MINUTE))).toBe('vor 2 Minuten');
  });
});
