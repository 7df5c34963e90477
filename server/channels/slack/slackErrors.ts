import { WebAPIPlatformError, WebAPIRateLimitedError } from '@slack/web-api';
import { PermanentDeliveryError, RetryLaterError } from '../types.js';

/**
 * Slack Web API errors that retrying cannot change: the person is not (or no longer) in the workspace or
 * cannot be messaged by the app. `invalid_auth`, `token_revoked`, `missing_scope` and the like stay
 * transient: an admin fixes them, and the circuit breaker should see them meanwhile.
 * Source: https://api.slack.com/methods/chat.postMessage#errors, https://api.slack.com/methods/users.lookupByEmail#errors
 */
const PERMANENT_ERRORS = new Set([
  'users_not_found',
  'user_not_found',
  'channel_not_found',
  'cannot_dm_bot',
  'user_disabled',
  'is_archived',
  'messages_tab_disabled',
  'restricted_action',
  'invalid_blocks',
  'msg_too_long',
]);

/**
 * The delivery worker's reading of a Slack Web API failure: PermanentDeliveryError for a refusal that
 * will not change, RetryLaterError for a rate limit (`429` + `Retry-After`, in seconds, honoured as is),
 * the error itself otherwise (transient, retried with backoff).
 *
 * @example
 * try { await client.chat.postMessage(…) } catch (err) { throw slackDeliveryError(err) }
 */
export function slackDeliveryError(err: unknown): Error {
  if (err instanceof WebAPIRateLimitedError) {
    return new RetryLaterError(`Slack rate limit: retry after ${err.retryAfter} s`, err.retryAfter * 1000, { cause: err });
  }
  if (err instanceof WebAPIPlatformError && PERMANENT_ERRORS.has(err.data.error)) {
    return new PermanentDeliveryError(`Slack refused: ${err.data.error}`, { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}
