/**
 * Text shortening that never splits what a reader sees as one character.
 *
 * `String.prototype.slice` cuts UTF-16 code units, so it can leave half a surrogate pair (stored as
 * U+FFFD, sent as a lone surrogate) or split an emoji sequence (👍🏽, 👩‍👩‍👧, 🇫🇷). These helpers cut on
 * extended grapheme cluster boundaries (Unicode UAX #29, through `Intl.Segmenter`) and stay within the
 * limit in the unit the limit is counted in.
 */

/** How a limit is counted: UTF-16 code units (JS `length`, what zod's `.max()` checks) or UTF-8 bytes (wire sizes). */
export type TextMeasure = 'utf16' | 'utf8';

export interface TruncateOptions {
  /** Unit of `max`; default `utf16`. */
  measure?: TextMeasure;
  /** Appended when the text is cut (counted within `max`); default `…` (U+2026). */
  ellipsis?: string;
}

const encoder = new TextEncoder();
let segmenter: Intl.Segmenter | undefined;

/** Length of `text` in the given unit. */
export function measureText(text: string, measure: TextMeasure = 'utf16'): number {
  return measure === 'utf16' ? text.length : encoder.encode(text).length;
}

/** The grapheme clusters of `text` (user-perceived characters). */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * `text` unchanged when it fits in `max`; otherwise its longest prefix of whole grapheme clusters, with
 * trailing whitespace removed, followed by the ellipsis, the whole within `max`.
 *
 * @param max limit in `options.measure` units (≥ the ellipsis' own length)
 * @example
 * truncateText('Deploy 👍🏽 done', 9) // 'Deploy …' (never 'Deploy \ud83d…')
 * truncateText('héllo wörld', 8, { measure: 'utf8' }) // 'héllo…'
 */
export function truncateText(text: string, max: number, options: TruncateOptions = {}): string {
  const measure = options.measure ?? 'utf16';
  const ellipsis = options.ellipsis ?? '…';
  if (measureText(text, measure) <= max) return text;
  const budget = max - measureText(ellipsis, measure);
  if (budget <= 0) return measureText(ellipsis, measure) <= max ? ellipsis : '';
  let kept = '';
  let used = 0;
  for (const cluster of graphemes(text)) {
    const size = measureText(cluster, measure);
    if (used + size > budget) break;
    kept += cluster;
    used += size;
  }
  return `${kept.trimEnd()}${ellipsis}`;
}
