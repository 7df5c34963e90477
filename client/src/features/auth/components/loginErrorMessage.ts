import type { IntlShape } from 'react-intl';
import { isApiError } from '../../../lib/api';

/** A sentence for the login form's alert, from whatever the login call threw, in the reader's language. */
export function loginErrorMessage(intl: IntlShape, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'invalid_credentials' || error.status === 401) return intl.formatMessage({ id: 'auth.login.invalidCredentials' });
    if (error.status === 429) return intl.formatMessage({ id: 'auth.login.rateLimited' });
    if (error.status === 400) return error.details[0]?.message ?? intl.formatMessage({ id: 'auth.login.checkInput' });
  }
  return intl.formatMessage({ id: 'auth.login.failed' });
}
