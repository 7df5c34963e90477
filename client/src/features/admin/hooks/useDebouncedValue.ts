import { useEffect, useState } from 'react';

/**
 * `value`, but only once it has stopped changing for `delayMs`: keeps typing from firing a request per key.
 *
 * @example
 * const term = useDebouncedValue(input, 250);
 * const { data } = useUserSearch(term);
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
