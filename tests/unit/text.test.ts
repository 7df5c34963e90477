import { describe, expect, it } from 'vitest';
import { graphemes, measureText, truncateText } from '../../shared/text.js';

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
});
