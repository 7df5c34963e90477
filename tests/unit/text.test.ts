import { describe, expect, it } from 'vitest';
import { eachGrapheme, graphemes, hasVisibleText, measureText, truncateText } from '../../shared/text.js';
import { watchSegmenter } from '../helpers/text.js';

const hasLoneSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('truncateText', () => {
  it('leaves text that fits unchanged', () => {
    expect(truncateText('short', 5)).toBe('short');
  });

  it('cuts on grapheme boundaries: never half a surrogate pair or half an emoji sequence', () => {
    const family = '👩‍👩‍👧'; // 8 code units, one grapheme
    for (const text of ['a'.repeat(198) + '👍🏽👍🏽', 'x'.repeat(195) + family + family, '🇫🇷'.repeat(150)]) {
      const cut = truncateText(text, 200);
      expect(cut.length).toBeLessThanOrEqual(200);
      expect(cut.endsWith('…')).toBe(true);
      expect(hasLoneSurrogate(cut)).toBe(false);
      expect(text.startsWith(cut.slice(0, -1).trimEnd())).toBe(true);
      // Every cluster kept is a whole cluster of the original.
      expect(graphemes(cut.slice(0, -1)).every((g) => graphemes(text).includes(g))).toBe(true);
    }
  });

  it('counts UTF-8 bytes when asked, within the limit', () => {
    const cut = truncateText('é'.repeat(100), 51, { measure: 'utf8' });
    expect(measureText(cut, 'utf8')).toBeLessThanOrEqual(51);
    expect(cut).toBe(`${'é'.repeat(24)}…`); // 48 bytes + 3 for the ellipsis
  });

  it('drops trailing whitespace before the ellipsis and honours a custom one', () => {
    expect(truncateText('hello world', 7)).toBe('hello…'); // 'hello ' + '…' → space dropped
    expect(truncateText('hello world', 8, { ellipsis: '...' })).toBe('hello...');
  });

  it('keeps a letter with its combining mark when plain ASCII is taken without segmenting', () => {
    expect(truncateText('aaaae\u0301x', 6)).toBe('aaaa…'); // é is 2 code units: 4 + 2 > 6 − 1
    expect(truncateText('aaaae\u0301xy', 7)).toBe('aaaae\u0301…');
    expect(truncateText('ab#\ufe0f\u20e3cd', 5)).toBe('ab…'); // the keycap #️⃣ is one cluster of 3
  });

  it('keeps 👍🏽 whole when the budget ends right after its 👍 (the prefix it segments reaches past the tone)', () => {
    // Budget 4 = 'ab' + 👍 (2 units): segmenting only 5 units would see 👍 + half a tone, and keep the 👍.
    expect(truncateText('ab👍🏽cd', 5)).toBe('ab…');
    expect(truncateText('ab👍🏽cd', 10, { measure: 'utf8' })).toBe('ab…'); // 2 + 8 bytes > 10 − 3
  });
});

describe('truncateText on a long input (review finding 1: 150,000 characters froze the server)', () => {
  const huge = `${'y'.repeat(199_990)} 👍🏽 ${'é'.repeat(100_000)}`;

  it.each([
    ['UTF-16', 200, undefined],
    ['UTF-8', 2969, 'utf8' as const],
  ])('hands the segmenter max + 2 code units (%s), whatever the length of the text', (_unit, max, measure) => {
    // The prefix, plus the last cluster of each window segmented again (one "y" per 256 code units).
    const { result, lengths } = watchSegmenter({ total: max + 2 + 32 }, () => truncateText(huge, max, { measure }));
    expect(lengths.length).toBeGreaterThan(0);
    expect(measureText(result, measure)).toBeLessThanOrEqual(max);
    expect(result).toBe(`${'y'.repeat(max - measureText('…', measure))}…`);
  });

  it('decides that a text fits without encoding more than the limit', () => {
    const { result } = watchSegmenter({ total: 0 }, () => truncateText('é'.repeat(100), 200, { measure: 'utf8' }));
    expect(result).toBe('é'.repeat(100)); // 200 bytes: fits, nothing segmented
  });
});


describe('segmenting a window at a time (the segmenter costs time quadratic in the string it is handed)', () => {
  // Clusters of every kind whose boundaries look backwards or span many code points: skin tones, ZWJ
  // families, runs of regional indicators (pairs counted from the run's start), combining marks, a letter
  // with 600 marks (longer than a window), Hangul syllables from jamo, CR LF, a Devanagari conjunct, and
  // 100 toned thumbs in a row, so some window ends between a 👍 and the two halves of its tone.
  const pattern = `${'👍🏽'.repeat(100)}a👍🏽b👩‍👩‍👧${'🇫🇷🇩🇪🇮'}c e\u0301 z${'\u0301'.repeat(600)}각\r\nक्षx🇫🇷${'y'.repeat(37)}`;
  const whole = (text: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);

  it('finds the same clusters as segmenting the whole text, wherever the windows fall', () => {
    for (let pad = 0; pad < 24; pad += 1) {
      const text = `${'x'.repeat(pad)}${pattern.repeat(3)}`;
      const expected = whole(text);
      const { result } = watchSegmenter({ total: 4 * text.length, each: 2048 }, () => Array.from(eachGrapheme(text)));
      expect(result).toEqual(expected);
    }
  });

  it('hands the segmenter at most 257 code units at once when no cluster is longer', () => {
    const text = 'word 👍🏽 '.repeat(1000);
    const { result, lengths } = watchSegmenter({ total: 2 * text.length, each: 257 }, () => truncateText(text, 5000));
    expect(lengths.length).toBeGreaterThan(19);
    expect(result).toBe(`${'word 👍🏽 '.repeat(499)}word 👍🏽…`); // 4,999 code units and the ellipsis
  });
});

describe('hasVisibleText', () => {
  it.each([
    ['', false],
    ['  \n\t\u00a0\u3000', false],
    ['\u200b\u200c\u200d\u2060\ufeff', false],
    ['\u202e\u2066\u00ad\u034f\ufe0f\u{e0020}', false],
    ['\u3164\u115f\u1160\uffa0\u2800', false],
    ['a', true],
    ['\u200b👍🏽', true],
    ['é', true],
  ])('%j → %s', (text, visible) => {
    expect(hasVisibleText(text)).toBe(visible);
  });
});
