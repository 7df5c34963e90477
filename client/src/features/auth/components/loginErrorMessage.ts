import { isApiError } from '../../../lib/api';

/** A sentence for the login form's alert, from whatever the login call threw. */
export function loginErrorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'invalid_credentials' || error.status === 401) return 'Incorrect email or password.';
    if (error.status === 429) return 'Too many sign-in attempts. Please wait a minute and try again.';
    if (error.status === 400) return error.details[0]?.message ?? 'Please check your email and password.';
  }
  return 'Could not sign in right now. Please try again.';
}
