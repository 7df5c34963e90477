import type { IntlShape } from 'react-intl';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_CHARS } from '@shared/schemas/auth';

/**
 * What is wrong with a new password, in the reader's language, by the rules of the shared `passwordSchema`
 * (checked in its order: too long, too short, only spaces); undefined when it passes them. The schema stays
 * the judge; this only words its refusal.
 *
 * @example
 * passwordProblem(intl, 'short'); // "Must be at least 12 characters"
 */
export function passwordProblem(intl: IntlShape, password: string): string | undefined {
  if (password.length > PASSWORD_MAX_LENGTH) return intl.formatMessage({ id: 'auth.password.tooLong' }, { max: PASSWORD_MAX_LENGTH });
  if (Array.from(password).length < PASSWORD_MIN_CHARS) return intl.formatMessage({ id: 'auth.password.tooShort' }, { min: PASSWORD_MIN_CHARS });
  if (password.trim() === '') return intl.formatMessage({ id: 'auth.password.onlySpaces' });
  return undefined;
}
