import { useCallback, useEffect, useState } from 'react';

/** The saved value under `key` if it is one of `choices`, else `fallback` (also when storage is off). */
export function readStoredChoice<T extends string>(key: string, choices: readonly T[], fallback: T): T {
  try {
    const saved = window.localStorage.getItem(key);
    return choices.find((choice) => choice === saved) ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * One of a few values the user picked, remembered in this browser (localStorage) and followed across its
 * tabs (the `storage` event). Storage turned off: the pick holds for this page only.
 *
 * @example
 * const [density, setDensity] = useStoredChoice('flashnotify.density', ['comfortable', 'compact'], 'comfortable');
 */
export function useStoredChoice<T extends string>(key: string, choices: readonly T[], fallback: T): [T, (next: T) => void] {
  const [value, setValue] = useState(() => readStoredChoice(key, choices, fallback));

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === key) setValue(readStoredChoice(key, choices, fallback));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [key, choices, fallback]);

  const choose = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Storage off or full: the choice still applies to this page.
      }
    },
    [key],
  );
  return [value, choose];
}
