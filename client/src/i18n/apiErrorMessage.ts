import type { IntlShape } from 'react-intl';
import { isApiError } from '../lib/api';
import type { MessageId } from './messageIds';

/** The server's error codes (`{ error: { code } }`) people meet in the app, as sentences of the catalogs. */
const KNOWN_CODES: Record<string, MessageId> = {
  rate_limited: 'errors.rateLimited',
  session_changed: 'errors.sessionChanged',
  unauthorized: 'errors.unauthorized',
  forbidden: 'errors.forbidden',
  not_found: 'errors.notFound',
  service_unavailable: 'errors.serviceUnavailable',
  internal_error: 'errors.internal',
  request_timeout: 'errors.serviceUnavailable',
  email_taken: 'errors.emailTaken',
  external_id_taken: 'errors.externalIdTaken',
  cannot_demote_self: 'errors.cannotDemoteSelf',
  password_changed: 'errors.passwordChanged',
  delivery_not_retryable: 'errors.deliveryNotRetryable',
  topic_exists: 'errors.topicExists',
  category_exists: 'errors.categoryExists',
  current_session: 'errors.currentSession',
  phone_required: 'errors.phoneRequired',
  preference_locked: 'errors.preferenceLocked',
  secret_not_active: 'errors.secretNotActive',
  send_not_cancellable: 'errors.sendNotCancellable',
  invitation_accepted: 'errors.invitationAccepted',
  invitation_closed: 'errors.invitationClosed',
  invitation_pending: 'errors.invitationPending',
  account_exists: 'errors.accountExists',
  account_changed: 'errors.accountChanged',
  account_email_locked: 'errors.accountEmailLocked',
};

/**
 * A sentence for `error` in the reader's language: a known API error code's catalog message; else the
 * server's own message (English, its words may name what failed); else — a network failure, a bug —
 * the catalog's `fallback`.
 *
 * @example
 * toast.error(apiErrorMessage(intl, error, 'admin.apiKeys.revokeFailed'));
 */
export function apiErrorMessage(intl: IntlShape, error: unknown, fallback: MessageId): string {
  if (!isApiError(error)) return intl.formatMessage({ id: fallback });
  const known = KNOWN_CODES[error.code];
  if (known) return intl.formatMessage({ id: known });
  return error.code === 'http_error' ? intl.formatMessage({ id: fallback }) : error.message;
}
