import { useSearchParams } from 'react-router';

/**
 * The URL's search params, and a setter for filters kept in them: a value sets its param, an empty
 * one removes it. Replaces the history entry, so Back leaves the page instead of undoing filters.
 *
 * @example
 * const [params, setFilters] = useSearchParamFilters();
 * setFilters({ status: 'sent' });
 */
export function useSearchParamFilters() {
  const [params, setParams] = useSearchParams();
  const setFilters = (next: Record<string, string>) =>
    setParams(
      (previous) => {
        const copy = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(next)) {
          if (value) copy.set(name, value);
          else copy.delete(name);
        }
        return copy;
      },
      { replace: true },
    );
  return [params, setFilters] as const;
}
