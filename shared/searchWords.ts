/**
 * How the inbox search cuts text into words, shared by the server (the words it looks up in its full-text
 * index, server/services/notifications/searchStatements.ts) and the web app (the words it highlights).
 */

/**
 * The words of a search text, lower-cased (NFKC first, so full-width letters and ligatures match their
 * plain forms): runs of letters, digits and combining marks; everything else only separates. Empty when the
 * text has no letter or digit (e.g. `"*"`).
 *
 * @example
 * searchWords('Deploy "failed" -prod*'); // ['deploy', 'failed', 'prod']
 */
export function searchWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** A word as compared for highlighting: lower-cased, accents dropped (as both databases' search indexes fold them). */
function fold(word: string): string {
  return word.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Where the words of `query` appear in `text`, as [start, end) UTF-16 offsets of whole words: a word of
 * `text` equal to one of the query's, or starting with its last one (the search takes the last word as a
 * prefix, so "dep" finds "deploy"), case and accents aside. For highlighting only: the server's index
 * decides what matches; this marks where, in what it returned.
 *
 * @example
 * matchedWordSpans('Deploy failed on prod', 'failed dep'); // [[0, 6], [7, 13]]
 */
export function matchedWordSpans(text: string, query: string): Array<[number, number]> {
  const terms = searchWords(query).map(fold);
  const last = terms.at(-1);
  if (last === undefined) return [];
  const spans: Array<[number, number]> = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = fold(match[0]);
    if (word.startsWith(last) || terms.includes(word)) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}
