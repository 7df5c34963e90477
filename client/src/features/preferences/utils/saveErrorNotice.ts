import type { InboxNotice } from '../../../components/inboxEnvironment';
import { isApiError } from '../../../lib/api';

/**
 * What to tell the user when a change did not save and was undone (one notice at a time, the latest reason).
 *
 * @example
 * onError: (error) => notifyError(saveErrorNotice(error))
 */
export function saveErrorNotice(error: unknown): InboxNotice {
  const reason = isApiError(error) ? error.message.trim() : 'Could not reach the server';
  return {
    id: 'preferences-save-error',
    title: 'Your change was not saved',
    description: `${/[.!?]$/.test(reason) ? reason : `${reason}.`} It has been undone.`,
  };
}
