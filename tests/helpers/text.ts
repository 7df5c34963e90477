import { expect } from 'vitest';
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
  const clusters = graphemes(original.replace(/\s+/g, ' '));
  expect(clusters.slice(0, graphemes(kept).length).join('')).toBe(kept);
}
