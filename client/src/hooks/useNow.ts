import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` while `enabled`; drives countdowns and "5m ago" labels.
 *
 * @example
 * const now = useNow(1000, state === 'reconnecting');
 */
export function useNow(intervalMs: number, enabled = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, enabled]);
  return now;
}
