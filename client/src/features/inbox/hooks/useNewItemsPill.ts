import { useEffect, useState } from 'react';
import type { NotificationDto } from '@shared/schemas/notification';

/**
 * Counts the items that arrive at the top of the list (a higher seq than any shown before) while its top is
 * scrolled out of view, for the "N new notifications" pill; back to 0 once the top is in view again (the
 * user scrolled up, or `showNew` did). Attach `top` to an element just above the list; its
 * `scroll-margin-top` (the sticky header's height) is where "in view" starts. Another list (`listKey`: a
 * tab or category change) starts over: its items did not arrive, they were there.
 *
 * @example
 * const pill = useNewItemsPill(items, JSON.stringify(filters));
 * <div ref={pill.top} /> {pill.count > 0 && <button onClick={pill.showNew}>…</button>}
 */
export function useNewItemsPill(items: readonly NotificationDto[], listKey: string) {
  // A callback ref (state): the list renders its top only once loaded, after the first render's effects.
  const [top, setTop] = useState<HTMLDivElement | null>(null);
  const [topInView, setTopInView] = useState(true);
  const [count, setCount] = useState(0);
  const newest = items.reduce((max, item) => Math.max(max, item.seq), -1);
  const [seenNewest, setSeenNewest] = useState(newest);
  const [seenKey, setSeenKey] = useState(listKey);

  if (listKey !== seenKey) {
    setSeenKey(listKey);
    setSeenNewest(newest);
    setCount(0);
  } else if (newest > seenNewest) {
    // Adjusting state while rendering: arrivals are counted in the render that shows them.
    setSeenNewest(newest);
    if (!topInView && seenNewest !== -1) setCount(count + items.filter((item) => item.seq > seenNewest).length);
  }

  useEffect(() => {
    const element = top;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const offset = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
    const observer = new IntersectionObserver(
      (entries) => {
        const inView = entries.some((entry) => entry.isIntersecting);
        setTopInView(inView);
        if (inView) setCount(0);
      },
      { rootMargin: `-${offset}px 0px 0px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [top]);

  /** Scrolls back to the top of the list (the observer then clears the count). */
  const showNew = () => {
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    top?.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
  };

  return { top: setTop, count, showNew };
}
