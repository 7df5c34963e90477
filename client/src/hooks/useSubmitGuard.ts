import { useMemo, useRef } from 'react';

/** See useSubmitGuard. */
export interface SubmitGuard {
  /** True when no request of this form is running; it then counts as running until `end()`. */
  begin(): boolean;
  /** The request settled (success or failure): the form may submit again. */
  end(): void;
}

/**
 * Lets a form start one request at a time. A mutation's `isPending` (and the disabled button that
 * follows it) only takes effect after a re-render, so a double click or Enter pressed twice submits
 * twice before the button is disabled; this guard is set synchronously, inside the first submit.
 *
 * @example
 * const guard = useSubmitGuard();
 * const submit = () => {
 *   if (!guard.begin()) return;
 *   create.mutate(input, { onSettled: guard.end });
 * };
 */
export function useSubmitGuard(): SubmitGuard {
  const running = useRef(false);
  return useMemo(
    () => ({
      begin: () => {
        if (running.current) return false;
        running.current = true;
        return true;
      },
      end: () => {
        running.current = false;
      },
    }),
    [],
  );
}
