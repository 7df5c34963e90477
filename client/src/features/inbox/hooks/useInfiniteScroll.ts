import { useEffect, useRef } from 'react';

/**
 * Calls `onReach` when the returned sentinel element scrolls into view (with a margin, so the next
 * page is usually loaded before the user gets there).
 *
 * @example
 * const sentinel = useInfiniteScroll(() => void fetchNextPage(), hasNextPage && !isFetchingNextPage);
 * return <div ref={sentinel} />;
 */
export function useInfiniteScroll(onReach: () => void, enabled: boolean) {
  const sentinel = useRef<HTMLDivElement>(null);
  const callback = useRef(onReach);
  useEffect(() => {
    callback.current = onReach;
  }, [onReach]);

  useEffect(() => {
    const element = sentinel.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);

  return sentinel;
}
