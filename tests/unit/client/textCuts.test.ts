/** Issue 8 item 11 in the web client and the shared one-line excerpt: cuts on grapheme clusters, within the limit. */
import { describe, expect, it } from 'vitest';
import { initials } from '../../../client/src/app/initials.js';
import { renderPreview } from '../../../client/src/features/admin/utils/templatePreview.js';
import { snippet } from '../../../client/src/features/realtime/utils/notificationToasts.js';
import { oneLineExcerpt } from '../../../shared/excerpt.js';
import { LIMITS } from '../../../shared/schemas/notification.js';
import { expectCleanCut, hasLoneSurrogate, watchSegmenter } from '../../helpers/text.js';

describe('toast snippets', () => {
  it('cut inside an emoji sequence: whole clusters, within the limit', () => {
    for (const body of ['x'.repeat(119) + '👍🏽'.repeat(5), 'x'.repeat(115) + '👩‍👩‍👧'.repeat(3), '🇫🇷'.repeat(80)]) {
      expectCleanCut(snippet(body), body, 120);
    }
  });

  it('still prefer a word break near the end, and keep short text as is', () => {
    expect(snippet(`${'word '.repeat(30)}end`)).toBe(`${'word '.repeat(24).trimEnd()}…`); // no word was cut
    expect(snippet(`${'word '.repeat(23)}abcdefghij`)).toBe(`${'word '.repeat(23).trimEnd()}…`); // "abcd…" dropped
    expect(snippet('  two\n lines ')).toBe('two lines');
  });
});

describe('oneLineExcerpt', () => {
  it('never treats a space that carries a combining mark as a word break', () => {
    const text = `${'a'.repeat(70)} \u0301${'b'.repeat(100)}`; // " ́" is one cluster
    const cut = oneLineExcerpt(text, 100, { wordBreakAfter: 0.5 });
    expectCleanCut(cut, text, 100);
    expect(cut).toBe(`${'a'.repeat(70)} \u0301${'b'.repeat(27)}…`);
  });
});

describe('work bounded by the limit, not the input (review finding 1)', () => {
  const huge = `${'word '.repeat(40_000)}👍🏽 ${'y'.repeat(100_000)}`; // 300,000 characters

  it('oneLineExcerpt and the toast snippet segment no more than the limit and a few characters', () => {
    // truncateText's prefix (max + 2), 16 characters after the cut, and the kept part again for the word break.
    for (const [cut, max] of [
      [watchSegmenter({ total: 2 * 120 + 32 }, () => snippet(huge)).result, 120],
      [watchSegmenter({ total: 2 * 320 + 32 }, () => oneLineExcerpt(huge, 320, { wordBreakAfter: 1 })).result, 320],
    ] as const) {
      expectCleanCut(cut, huge, max);
    }
    expect(snippet(huge)).toBe(`${'word '.repeat(24).trimEnd()}…`);
  });

  it("the composer's preview stops substituting once past the limit, and shows what will be stored", () => {
    let reads = 0;
    const data = {
      get s() {
        reads += 1;
        return 'y'.repeat(16_000);
      },
    };
    const body = renderPreview('{{data.s}}'.repeat(500), data, LIMITS.bodyMax);
    expect(body).toBe(`${'y'.repeat(LIMITS.bodyMax - 1)}…`);
    expect(reads).toBe(1); // not 500 × 16,000 characters on every keystroke
    expect(renderPreview('Hi {{recipient.name}}, {{data.missing}}', {}, LIMITS.titleMax)).toBe('Hi Alex Example, [data.missing]');
  });
});

describe('avatar initials', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['ada', 'AD'],
    ['👩🏽‍💻 Dev', '👩🏽‍💻D'],
    ['𝒜da 𝒵oe', '𝒜𝒵'],
    ['E\u0301mile', 'E\u0301M'],
    ['   ', '?'],
  ])('%j → %j', (name, expected) => {
    const letters = initials(name);
    expect(letters).toBe(expected);
    expect(hasLoneSurrogate(letters)).toBe(false);
  });
});
