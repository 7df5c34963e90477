/**
 * Text shortening that never splits what a reader sees as one character.
 *
 * `String.prototype.slice` cuts UTF-16 code units, so it can leave half a surrogate pair (stored as
 * U+FFFD, sent as a lone surrogate) or split an emoji sequence (👍🏽, 👩‍👩‍👧, 🇫🇷). These helpers cut on
 * extended grapheme cluster boundaries (Unicode UAX #29, through `Intl.Segmenter`) and stay within the
 * limit in the unit the limit is counted in.
 *
 * Their work is bounded by the LIMIT, not by the input: V8's segmenter costs more than linear time in the
 * length of the string it is given (measured: each step of an iterator over a 1,000,000-character string
 * takes milliseconds, and `Array.from` over 150,000 characters took minutes), so it is only ever handed a
 * prefix as long as the limit allows (see `segmentablePrefix`).
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

/** Length of `text` in the given unit (UTF-8: reads the whole string; see `fitsWithin` for a bounded test). */
export function measureText(text: string, measure: TextMeasure = 'utf16'): number {
  return measure === 'utf16' ? text.length : encoder.encode(text).length;
}

/**
 * Whether `text` measures at most `max`, reading at most `max` code units of it: every code unit weighs
 * at least one UTF-8 byte, so a text longer than `max` code units cannot fit in `max` bytes either.
 */
export function fitsWithin(text: string, max: number, measure: TextMeasure = 'utf16'): boolean {
  if (text.length > max) return false;
  return measure === 'utf16' || encoder.encode(text).length <= max;
}

/**
 * The grapheme clusters of `text` (user-perceived characters), lazily: stop iterating and the rest of the
 * text is never segmented. The segmenter's cost grows faster than the length of `text`, so give it a
 * bounded string (a prefix, a word); `truncateText` is the way to shorten a text of any length.
 */
export function* eachGrapheme(text: string): Generator<string, void, undefined> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) yield segment;
}

/** The grapheme clusters of `text`, all of them: for short strings only (see `eachGrapheme`). */
export function graphemes(text: string): string[] {
  return Array.from(eachGrapheme(text));
}

/**
 * The part of `text` that holds every whole cluster fitting in `budget` (in `measure` units): its first
 * `budget + 2` code units.
 *
 * Why segmenting this prefix keeps the same clusters as segmenting the whole text: UAX #29 decides a
 * boundary from the code points before it and the ONE code point after it (GB3–GB999; GB9c, GB11 and
 * GB12/13 look only backwards). A kept cluster ends at code unit `budget` at the latest (every code unit
 * weighs at least 1, in UTF-16 and in UTF-8 bytes), and the code point after such a boundary starts at
 * `budget` at the latest and so ends within `budget + 2` units (a surrogate pair is 2): it is whole in the
 * prefix, and the prefix has exactly the whole text's boundaries up to `budget`. One unit less would cut
 * 👍🏽 after 👍 and keep the 👍. The prefix's last cluster may be a piece of a longer one; it ends beyond
 * the budget and is never kept.
 */
export function segmentablePrefix(text: string, budget: number): string {
  return text.length > budget + 2 ? text.slice(0, budget + 2) : text;
}

/**
 * `text` unchanged when it fits in `max`; otherwise its longest prefix of whole grapheme clusters, with
 * trailing whitespace removed, followed by the ellipsis, the whole within `max`. Reads and segments at
 * most `max + 2` code units of `text`, whatever its length.
 *
 * @param max limit in `options.measure` units (≥ the ellipsis' own length)
 * @example
 * truncateText('Deploy 👍🏽 done', 9) // 'Deploy …' (never 'Deploy \ud83d…')
 * truncateText('héllo wörld', 8, { measure: 'utf8' }) // 'héllo…'
 */
export function truncateText(text: string, max: number, options: TruncateOptions = {}): string {
  const measure = options.measure ?? 'utf16';
  const ellipsis = options.ellipsis ?? '…';
  if (fitsWithin(text, max, measure)) return text;
  const budget = max - measureText(ellipsis, measure);
  if (budget <= 0) return measureText(ellipsis, measure) <= max ? ellipsis : '';
  let kept = '';
  let used = 0;
  for (const cluster of eachGrapheme(segmentablePrefix(text, budget))) {
    const size = measureText(cluster, measure);
    if (used + size > budget) break;
    kept += cluster;
    used += size;
  }
  return `${kept.trimEnd()}${ellipsis}`;
}
