/**
 * Text shortening that never splits what a reader sees as one character.
 *
 * `String.prototype.slice` cuts UTF-16 code units, so it can leave half a surrogate pair (stored as
 * U+FFFD, sent as a lone surrogate) or split an emoji sequence (👍🏽, 👩‍👩‍👧, 🇫🇷). These helpers cut on
 * extended grapheme cluster boundaries (Unicode UAX #29, through `Intl.Segmenter`) and stay within the
 * limit in the unit the limit is counted in.
 *
 * Their work is bounded by the LIMIT, not by the input: `truncateText` only ever segments a prefix as
 * long as the limit allows (see `segmentablePrefix`), and the segmenter is handed that a window at a time
 * (see `eachGrapheme`): V8's segmenter costs time quadratic in the length of the string it is given
 * (`Array.from` over 150,000 characters took minutes).
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
 * Code units handed to the segmenter at a time. V8's segmenter (ICU) costs time quadratic in the length
 * of the string it is given (measured on the 2-core test machine: 1.4 µs per character over 1,000
 * characters, 2.9 over 4,000, 11 over 16,000; a 5,000-character body took 25 ms to cut, per recipient);
 * windows of a few hundred keep it at about 1 µs per character whatever the length.
 */
const SEGMENT_WINDOW = 256;

/**
 * The grapheme clusters of `text` (user-perceived characters), lazily: stop iterating and the rest of the
 * text is never segmented. The text is segmented a window at a time (SEGMENT_WINDOW), so the work is linear
 * in what is read.
 *
 * Why windows give the whole text's clusters: each window starts at a boundary of the whole text and ends
 * on a whole code point. UAX #29 decides a boundary from the code points before it and the one after it,
 * and its look-backs (GB9c, GB11, GB12/13) only cross code points with no boundary between them (or, for
 * regional indicators, count pairs from a boundary), so from a true boundary the segmenter finds the true
 * boundaries up to the window's last cluster — which may continue past the window and is segmented
 * again as the start of the next one.
 */
export function* eachGrapheme(text: string): Generator<string, void, undefined> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let start = 0;
  let window = SEGMENT_WINDOW;
  while (start < text.length) {
    let end = start + window;
    if (end >= text.length) {
      for (const { segment } of segmenter.segment(text.slice(start))) yield segment;
      return;
    }
    // End on a whole code point: a lone high surrogate would be a cluster of its own (a false boundary).
    if (isHighSurrogate(text.charCodeAt(end - 1))) end += 1;
    let last: string | undefined;
    let taken = 0;
    for (const { segment } of segmenter.segment(text.slice(start, end))) {
      if (last !== undefined) {
        yield last;
        taken += last.length;
      }
      last = segment;
    }
    if (taken === 0) {
      // One cluster fills the window (a letter with hundreds of combining marks): look further.
      window *= 2;
      continue;
    }
    start += taken;
    window = SEGMENT_WINDOW;
  }
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** The grapheme clusters of `text`, all of them (linear in its length; `eachGrapheme` reads only what is used). */
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
 * most `max + 2` code units of `text`, whatever its length (a leading run of plain ASCII is not
 * segmented at all).
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
  const prefix = segmentablePrefix(text, budget);
  // The usual case needs no segmenter: see asciiClusters.
  const skip = Math.min(asciiClusters(prefix), budget);
  let kept = prefix.slice(0, skip);
  let used = skip; // one code unit and one UTF-8 byte each
  for (const cluster of eachGrapheme(prefix.slice(skip))) {
    const size = measureText(cluster, measure);
    if (used + size > budget) break;
    kept += cluster;
    used += size;
  }
  return `${kept.trimEnd()}${ellipsis}`;
}

/**
 * How many leading characters of `text` are grapheme clusters of their own because they are printable
 * ASCII (U+0020–U+007E) followed by printable ASCII: UAX #29 joins a character only to a following
 * Extend, ZWJ or SpacingMark (GB9, GB9a), a preceding Prepend (GB9b), CR to LF (GB3), Hangul jamo
 * (GB6–8), pictographs after ZWJ (GB11) and regional indicators (GB12/13), and no printable ASCII is any
 * of those. The run's last character is left out: a combining mark after it (`e\u0301`) joins it.
 * Where this count ends is therefore a boundary, from which segmenting can start.
 */
function asciiClusters(text: string): number {
  let i = 0;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit > 0x7e) break;
    i += 1;
  }
  return Math.max(i - 1, 0);
}

/**
 * Characters that show nothing on their own: white space, controls, format characters (zero-width
 * space/joiners, bidi controls, soft hyphen), default-ignorable code points (Hangul fillers, variation
 * selectors, tags) and the blank braille pattern U+2800. Unicode's White_Space and
 * Default_Ignorable_Code_Point properties (UAX #44), plus U+2800, which fonts draw as a blank.
 */
const INVISIBLE = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/**
 * Whether `text` has at least one character a reader can see (see INVISIBLE): a title of only
 * `U+200B` or spaces is no title. One linear pass of a regular expression.
 *
 * @example
 * hasVisibleText('\u200b \u200d'); // false
 * hasVisibleText('Hi'); // true
 */
export function hasVisibleText(text: string): boolean {
  return !INVISIBLE.test(text);
}
