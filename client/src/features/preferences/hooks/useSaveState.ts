import { useMutationState } from '@tanstack/react-query';
import { preferenceKeys } from '../api/preferenceKeys';

/** Where the page's saving stands: nothing saved yet, saving, all saved, or the last save failed. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * The state of every preferences save together (matrix, schedule, contact), for one status line.
 *
 * @example
 * const state = useSaveState(); // 'saving' while any change is in flight
 */
export function useSaveState(): SaveState {
  const saves = useMutationState({
    filters: { mutationKey: preferenceKeys.all },
    select: (mutation) => ({ status: mutation.state.status, at: mutation.state.submittedAt }),
  });
  if (saves.some((save) => save.status === 'pending')) return 'saving';
  const last = saves.reduce<(typeof saves)[number] | undefined>((latest, save) => (!latest || save.at >= latest.at ? save : latest), undefined);
  if (last?.status === 'success') return 'saved';
  if (last?.status === 'error') return 'error';
  return 'idle';
}
