import { expect, vi } from 'vitest';
import { graphemes } from '../../shared/text.js';

/** True when `s` holds a surrogate without its partner (what String.slice leaves inside an emoji). */
export const hasLoneSurrogate = (s: string): boolean => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

/**
 * Asserts that `cut` is `original` shortened properly: within `max` UTF-16 code units, valid UTF-16 (no
 * lone surrogate, no U+FFFD a database or encoder made of one), ending in "…", and made of whole
 * grapheme clusters of the original (never 👍 cut from 👍🏽, never half a 👩‍👩‍👧).
 */
export function expectCleanCut(cut: string, original: string, max: number): void {
  expect(cut.length, `${JSON.stringify(cut)} is longer than ${max} code units`).toBeLessThanOrEqual(max);
  expect(hasLoneSurrogate(cut), `${JSON.stringify(cut)} has a lone surrogate`).toBe(false);
  expect(cut).not.toContain('\ufffd');
  expect(cut.endsWith('…')).toBe(true);
  const kept = cut.slice(0, -1);
  // Clusters ending within `kept.length` are the same in a prefix a little longer (shared/text.ts
  // segmentablePrefix), and the original may be long: the segmenter's cost grows faster than its input.
  const clusters = graphemes(original.replace(/\s+/g, ' ').slice(0, kept.length + 16));
  expect(clusters.slice(0, graphemes(kept).length).join('')).toBe(kept);
}

/**
 * Runs `fn` with `Intl.Segmenter.prototype.segment` watched: the real segmenter does the work, every
 * string handed to it is recorded, and `fn` fails at once (rather than after the minutes V8 takes to
 * segment a few hundred thousand characters) when the strings handed to it add up to more than
 * `limits.total` code units, or one is longer than `limits.each`.
 *
 * @example
 * const { result, lengths } = watchSegmenter({ total: 210 }, () => truncateText(huge, 200));
 */
export function watchSegmenter<T>(limits: { total: number; each?: number }, fn: () => T): { result: T; lengths: number[] } {
  const lengths: number[] = [];
  const segment = Intl.Segmenter.prototype.segment;
  const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
    lengths.push(input.length);
    const total = lengths.reduce((sum, n) => sum + n, 0);
    if (total > limits.total) throw new Error(`The segmenter was handed ${total} code units in all; at most ${limits.total} expected`);
    if (limits.each !== undefined && input.length > limits.each) {
      throw new Error(`The segmenter was handed ${input.length} code units at once; at most ${limits.each} expected`);
    }
    return segment.call(this, input);
  });
  try {
    return { result: fn(), lengths };
  } finally {
    spy.mockRestore();
  }
}
