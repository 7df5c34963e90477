import type twilio from 'twilio';
import { retryAfterMs } from '../../outbound/retryAfter.js';
import { RetryLaterError } from '../types.js';

type RequestOptions<TData> = Parameters<twilio.RequestClient['request']>[0] & { data?: TData };

/**
 * The SDK's HTTP client, answering a `429` that carries `Retry-After` with a RetryLaterError (so the worker
 * waits as long as Twilio asked) instead of the SDK's RestException, which drops the response headers.
 * Wraps `inner` when given (tests pass a client pointed at a local fake), else sends itself. Takes the SDK's
 * RequestClient class as loaded, so the SDK (~250 ms to import) is loaded only when Twilio is configured.
 *
 * @example
 * const { default: sdk } = await import('twilio');
 * sdk(accountSid, authToken, { httpClient: createRetryAfterRequestClient(sdk.RequestClient, 10_000) })
 */
export function createRetryAfterRequestClient(
  RequestClient: typeof twilio.RequestClient,
  timeoutMs: number,
  inner?: twilio.RequestClient,
): twilio.RequestClient {
  class RetryAfterRequestClient extends RequestClient {
    override async request<TData>(opts: RequestOptions<TData>) {
      const response = await (inner ? inner.request<TData>(opts) : super.request<TData>(opts));
      if (response.statusCode !== 429) return response;
      const headers = (response.headers ?? {}) as Record<string, string | undefined>;
      const waitMs = retryAfterMs(headers['retry-after']);
      if (waitMs === undefined) return response;
      const { code, message } = parseErrorBody(response.body);
      throw new RetryLaterError(`Twilio rate limit (${code ?? 429}${message ? ` ${message}` : ''}): retry after ${Math.ceil(waitMs / 1000)} s`, waitMs);
    }
  }
  return new RetryAfterRequestClient({ timeout: timeoutMs });
}

/** Twilio's error JSON (`{ code, message, more_info, status }`), as a string or already parsed. */
function parseErrorBody(body: unknown): { code?: number; message?: string } {
  try {
    const parsed = (typeof body === 'string' ? JSON.parse(body) : body) as { code?: unknown; message?: unknown } | null;
    return { code: typeof parsed?.code === 'number' ? parsed.code : undefined, message: typeof parsed?.message === 'string' ? parsed.message : undefined };
  } catch {
    return {};
  }
}
