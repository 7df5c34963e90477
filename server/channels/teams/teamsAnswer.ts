import type { OutboundPostResult } from '../../outbound/postJson.js';
import { PermanentDeliveryError, RetryLaterError } from '../types.js';

// Answers no retry can change: a bad payload (400), a URL whose webhook or flow was removed or turned off
// (404, 410), a card too big (413).
const PERMANENT_STATUSES = new Set([400, 404, 410, 413]);

// Legacy Office 365 connectors (`*.webhook.office.com`) answer 200 with an error line in the body when Teams
// behind them refused the message, e.g. "Microsoft Teams endpoint returned HTTP error 429 with ContextId …"
// (their success body is "1"). Source: Microsoft's connector docs, "Rate limiting for connectors", and
// https://github.com/atc0005/go-teams-notify/issues/59.
const CONNECTOR_ERROR = /Microsoft Teams endpoint returned HTTP error (\d{3})/i;

/**
 * The delivery worker's reading of a Teams webhook's answer: undefined when sent (a 2xx: Workflows answers
 * 202, connectors 200 "1"); otherwise the error to throw: RetryLaterError for a 429 with `Retry-After`, a
 * PermanentDeliveryError with the status and the answer's first line for 400/404/410/413, a plain Error
 * (transient: retried with backoff) for a 429 without `Retry-After`, a 5xx, another status or no answer.
 * A connector's "200 with an error line" is read as the status it names. `blocked` (the outbound agent
 * refused the address) is permanent. The URL itself is never put in a message (it is a bearer secret).
 *
 * @example
 * const error = teamsAnswerError(await postJson(url, headers, body, transport)); if (error) throw error;
 */
export function teamsAnswerError(result: OutboundPostResult): Error | undefined {
  if (result.status === null) {
    return result.blocked ? new PermanentDeliveryError(`Teams webhook refused: ${result.error}`) : new Error(`Teams webhook unreachable: ${result.error}`);
  }
  const named = result.status >= 200 && result.status < 300 ? CONNECTOR_ERROR.exec(result.text) : null;
  if (result.status >= 200 && result.status < 300 && !named) return undefined;
  const status = named ? Number(named[1]) : result.status;
  const reason = `HTTP ${status}${named ? ' (in a 200 answer)' : ''}${firstLine(result.text)}`;
  if (status === 429) {
    return result.retryAfterMs !== undefined
      ? new RetryLaterError(`Teams rate limit: retry after ${Math.ceil(result.retryAfterMs / 1000)} s`, result.retryAfterMs)
      : new Error(`Teams rate limit: ${reason}`);
  }
  if (PERMANENT_STATUSES.has(status)) return new PermanentDeliveryError(`Teams refused: ${reason}`);
  return new Error(`Teams webhook failed: ${reason}`);
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0]?.trim().slice(0, 200);
  return line ? `: ${line}` : '';
}
