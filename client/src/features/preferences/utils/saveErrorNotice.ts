import type { IntlShape } from 'react-intl';
import type { InboxNotice } from '../../../components/inboxEnvironment';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';

/**
 * What to tell the user when a change did not save and was undone (one notice at a time, the latest reason).
 *
 * @example
 * onError: (error) => notifyError(saveErrorNotice(intl, error))
 */
export function saveErrorNotice(intl: IntlShape, error: unknown): InboxNotice {
  const reason = apiErrorMessage(intl, error, 'preferences.save.unreachable').trim();
  return {
    id: 'preferences-save-error',
    title: intl.formatMessage({ id: 'preferences.save.failedTitle' }),
    description: intl.formatMessage({ id: 'preferences.save.undone' }, { reason: /[.!?]$/.test(reason) ? reason : `${reason}.` }),
  };
}
