import { eachGrapheme, graphemes, truncateText } from './text.js';

export interface ExcerptOptions {
  /**
   * Prefer ending at the last space when it lies beyond this fraction of `max` (0.6: a cut word is
   * dropped unless that loses more than 40 % of the room); 1 never prefers a space.
   */
  wordBreakAfter?: number;
}

/**
 * `text` on one line (runs of whitespace collapsed), within `max` UTF-16 code units: unchanged when it
 * fits, else cut on a grapheme boundary (see truncateText), at a word break when one is near the end,
 * followed by `…`. For toasts, digest excerpts and other one-line previews. Whitespace is collapsed in one
 * linear pass; what is segmented into graphemes is bounded by `max`, whatever the length of `text`.
 *
 * @example
 * oneLineExcerpt('Deploy of api finished\nwith 👍🏽 from QA', 20) // 'Deploy of api…'
 */
export function oneLineExcerpt(text: string, max: number, { wordBreakAfter = 0.6 }: ExcerptOptions = {}): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = truncateText(flat, max);
  if (cut === flat || wordBreakAfter >= 1) return cut;
  const whole = cut.slice(0, -'…'.length);
  // truncateText drops trailing spaces, so a space right after the kept text means no word was cut.
  if (eachGrapheme(flat.slice(whole.length, whole.length + 16)).next().value === ' ') return cut;
  // Work on whole clusters: a space followed by a combining mark is one cluster, not a word break.
  // `whole` is at most `max` code units (truncateText's result), so segmenting it all is bounded.
  const clusters = graphemes(whole);
  const lastSpace = clusters.lastIndexOf(' ');
  if (lastSpace < 0) return cut;
  const kept = clusters.slice(0, lastSpace).join('').trimEnd();
  return kept.length > max * wordBreakAfter ? `${kept}…` : cut;
}
