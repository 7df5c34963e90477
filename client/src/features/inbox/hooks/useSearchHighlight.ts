import { useEffect, type RefObject } from 'react';
import { matchedWordSpans } from '@shared/searchWords';

/** The highlight's name in the document's registry; the styles paint `::highlight(inbox-search)`. */
const HIGHLIGHT_NAME = 'inbox-search';

/** Where the searched words can be: the rows' titles and bodies (not the category chip, not the time). */
const SEARCHED_TEXT = '.notification__title, .notification__body';

/**
 * Marks the words of `query` in the titles and bodies of the rows inside `container` with the CSS Custom
 * Highlight API: ranges over the text as rendered, so the rows' markup is not touched (no element wrapped,
 * no HTML built from text) and a screen reader reads the text as before. Follows the list as it changes
 * (pages loaded, live items); does nothing without a query or where the browser lacks the API.
 *
 * @example
 * useSearchHighlight(panelRef, filters.q);
 */
export function useSearchHighlight(container: RefObject<HTMLElement | null>, query: string | undefined): void {
  useEffect(() => {
    const element = container.current;
    const registry = typeof CSS === 'undefined' ? undefined : CSS.highlights;
    if (!element || !query || !registry || typeof Highlight === 'undefined') return;
    let frame = 0;
    const paint = () => {
      frame = 0;
      registry.set(HIGHLIGHT_NAME, new Highlight(...matchedRanges(element, query)));
    };
    paint();
    // One repaint per frame however many nodes a page load or a live item changes.
    const observer = new MutationObserver(() => {
      frame ||= requestAnimationFrame(paint);
    });
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      registry.delete(HIGHLIGHT_NAME);
    };
  }, [container, query]);
}

/** A range for each matched word in the searched text under `root`; hidden text (the "Unread:" prefix) is skipped. */
function matchedRanges(root: HTMLElement, query: string): Range[] {
  const ranges: Range[] = [];
  for (const element of root.querySelectorAll(SEARCHED_TEXT)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('.sr-only') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const [start, end] of matchedWordSpans(node.textContent ?? '', query)) {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        ranges.push(range);
      }
    }
  }
  return ranges;
}
