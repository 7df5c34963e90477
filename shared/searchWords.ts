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

/**
 * The words a search looks up, in order: searchWords without repeats (the last of equal words is kept, so
 * the word typed last stays last) and, when the text has a word of two or more characters, without its
 * one-character words. A one-character word filters almost nothing (« l » of « l’alerte », « a », a digit)
 * yet reads one of the index's longest posting lists; a text of one-character words only keeps them (each
 * then matched whole, see isPrefixTerm), so `c` still finds a notification titled "c".
 *
 * @example
 * searchQueryWords('deploy a deploy f'); // ['deploy']
 * searchQueryWords('a b'); // ['a', 'b']
 */
export function searchQueryWords(text: string): string[] {
  const unique: string[] = [];
  for (const word of searchWords(text).reverse()) if (!unique.includes(word)) unique.unshift(word);
  const long = unique.filter((word) => [...word].length > 1);
  return long.length > 0 ? long : unique;
}

/**
 * Whether the last word of a search is matched as a prefix ("dep" finds "deploy"): only from two
 * characters. A one-character prefix would read the postings of every indexed word starting with it.
 */
export function isPrefixTerm(word: string): boolean {
  return [...word].length > 1;
}

/** A word as compared for highlighting: lower-cased, accents dropped (as both databases' search indexes fold them). */
function fold(word: string): string {
  return word.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Where the words of `query` appear in `text`, as [start, end) UTF-16 offsets of whole words: a word of
 * `text` equal to one of the query's words (searchQueryWords), or starting with its last one when that is
 * a prefix (isPrefixTerm: the search takes it so, "dep" finds "deploy"), case and accents aside. For highlighting only: the server's index
 * decides what matches; this marks where, in what it returned.
 *
 * @example
 * matchedWordSpans('Deploy failed on prod', 'failed dep'); // [[0, 6], [7, 13]]
 */
export function matchedWordSpans(text: string, query: string): Array<[number, number]> {
  const words = searchQueryWords(query);
  const terms = words.map(fold);
  if (terms.length === 0) return [];
  const prefix = isPrefixTerm(words.at(-1)!) ? terms.at(-1) : undefined;
  const spans: Array<[number, number]> = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = fold(match[0]);
    if ((prefix !== undefined && word.startsWith(prefix)) || terms.includes(word)) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}
