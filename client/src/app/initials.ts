import { eachGrapheme } from '@shared/text';

/** The first `count` grapheme clusters of `word`, segmenting no further than that. */
function leading(word: string, count: number): string[] {
  const clusters: string[] = [];
  for (const cluster of eachGrapheme(word)) {
    if (clusters.push(cluster) >= count) break;
  }
  return clusters;
}

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
  const first = leading(words[0] ?? '', 2);
  if (first.length === 0) return '?';
  const letters = words.length > 1 ? `${first[0]}${leading(words.at(-1)!, 1)[0]}` : first.join('');
  return letters.toUpperCase();
}
