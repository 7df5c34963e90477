import { useState } from 'react';

/**
 * A control's value that follows the user's input at once. The query cache tells React about an
 * optimistic update only on its next notify tick (a macrotask), and until then React puts a controlled
 * checkbox or select back to its old value: clicks would flicker, and tests checking right after the
 * click would see nothing change. The echo lasts until the cached value moves (to the optimistic value,
 * or back after a rollback).
 *
 * @example
 * const [checked, echo] = useEchoedValue(cell.enabled);
 * <input type="checkbox" checked={checked} onChange={(e) => { echo(e.target.checked); save(e.target.checked); }} />
 */
export function useEchoedValue<T>(value: T): [T, (next: T) => void] {
  const [echo, setEcho] = useState<{ value: T } | null>(null);
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    // Adjusting state while rendering: React re-renders at once, before anything is painted.
    setSeen(value);
    setEcho(null);
  }
  return [echo ? echo.value : value, (next) => setEcho({ value: next })];
}
