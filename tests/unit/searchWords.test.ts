/** How the inbox search cuts text into words and where the web app marks them (shared/searchWords.ts). */
import { describe, expect, it } from 'vitest';
import { isPrefixTerm, matchedWordSpans, searchQueryWords, searchWords } from '../../shared/searchWords.js';

const marked = (text: string, query: string) => matchedWordSpans(text, query).map(([start, end]) => text.slice(start, end));

describe('searchWords', () => {
  it('keeps letters and digits, lower-cased; the rest only separates', () => {
    expect(searchWords('Deploy "failed" -prod* #218')).toEqual(['deploy', 'failed', 'prod', '218']);
    expect(searchWords('ＤＥＰＬＯＹ')).toEqual(['deploy']); // full-width, NFKC
    expect(searchWords('* -- "')).toEqual([]);
  });
});

describe('searchQueryWords', () => {
  it('leaves out repeats and, beside a longer word, one-character words; keeps one-character words alone', () => {
    expect(searchQueryWords('deploy a deploy f')).toEqual(['deploy']);
    expect(searchQueryWords('fail deploy fail')).toEqual(['deploy', 'fail']); // the word typed last stays last
    expect(searchQueryWords('l’alerte 2')).toEqual(['alerte']);
    expect(searchQueryWords('a b a c')).toEqual(['b', 'a', 'c']);
    expect(searchQueryWords(Array.from({ length: 16 }, (_, i) => String.fromCharCode(97 + i)).join(' '))).toHaveLength(16);
    expect(searchQueryWords('"*"')).toEqual([]);
  });

  it('takes a word as a prefix from two characters only', () => {
    expect(isPrefixTerm('de')).toBe(true);
    expect(isPrefixTerm('d')).toBe(false);
    expect(isPrefixTerm('é')).toBe(false);
  });
});

describe('matchedWordSpans', () => {
  it('marks whole words equal to a searched word, and words starting with the last one', () => {
    expect(marked('Deploy failed on prod, deployment paused', 'failed dep')).toEqual(['Deploy', 'failed', 'deployment']);
    // Only the last word is a prefix, as the server searches.
    expect(marked('Deploy failed', 'fail deploy')).toEqual(['Deploy']);
  });

  it('ignores case and accents, and gives UTF-16 offsets into the text as written', () => {
    const text = '🎉 Réunion café';
    expect(matchedWordSpans(text, 'cafe')).toEqual([[text.indexOf('café'), text.length]]);
    expect(marked(text, 'REUNION')).toEqual(['Réunion']);
  });

  it('marks a one-character word only where it is a whole word, and leaves it out beside longer words', () => {
    expect(marked('Fix it, f and F', 'f')).toEqual(['f', 'F']);
    expect(marked('Deploy failed', 'deploy f')).toEqual(['Deploy']);
  });

  it('marks nothing for a query without words', () => {
    expect(matchedWordSpans('Deploy failed', '"*"')).toEqual([]);
  });
});
