import { graphemes } from '@shared/text';

/**
 * Up to two letters for an avatar: the first of the first and last words, or the first two of a single
 * word. Whole grapheme clusters, so a name starting with an emoji or an accented letter built from a
 * combining mark keeps it whole instead of showing half a surrogate pair.
 *
 * @example
 * initials('Ada Lovelace') // 'AL'
 * initials('👩🏽‍💻 Dev') // '👩🏽‍💻D'
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = graphemes(words[0] ?? '');
  if (first.length === 0) return '?';
  const letters = words.length > 1 ? `${first[0]}${graphemes(words.at(-1)!)[0]}` : first.slice(0, 2).join('');
  return letters.toUpperCase();
}
