import { toast } from 'sonner';
import { isApiError } from '../../../lib/api';

/**
 * Tells the user a change did not save and was undone (one toast at a time, the latest reason).
 *
 * @example
 * onError: (error) => showSaveError(error)
 */
export function showSaveError(error: unknown): void {
  const reason = isApiError(error) ? error.message.trim() : 'Could not reach the server';
  toast.error('Your change was not saved', {
    id: 'preferences-save-error',
    description: `${/[.!?]$/.test(reason) ? reason : `${reason}.`} It has been undone.`,
  });
}
