import type { ApiErrorBody, ApiErrorDetail } from '@shared/errors';
import type { SessionInfo } from '@shared/schemas/auth';
import { EXPECTED_USER_HEADER, SESSION_CHANGED } from '@shared/sessionIdentity';

/** A failed `/api` call, carrying the server's `{ error: { code, message, details } }` shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** True when `error` is an ApiError with the given HTTP status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

let csrfToken: string | null = null;
let actingUserId: string | null = null;

/**
 * Remembers the session this tab acts for (null: signed out): every mutation sends its CSRF token back,
 * and every request its user id (`x-expected-user`), so a request made after another tab signed this
 * browser in as someone else fails with 401 `session_changed` instead of reaching that user's data.
 */
export function rememberSession(session: SessionInfo | null): void {
  csrfToken = session?.csrfToken ?? null;
  actingUserId = session?.user.id ?? null;
}

/** The id of the user this tab acts for, or null when signed out (or before the session was read). */
export function actingUser(): string | null {
  return actingUserId;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One `/api` call's method, JSON body, abort signal and extra headers. */
export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

/**
 * Calls the API and returns its JSON answer; throws ApiError on any non-2xx. The web app's `apiFetch`
 * (session cookie + CSRF) and an embedded inbox's user-token transport (client/src/lib/userTokens.ts) are both.
 */
export type ApiRequest = <T>(path: string, options?: RequestOptions) => Promise<T>;

/**
 * Calls the same-origin API with JSON and the CSRF header; throws ApiError on any non-2xx.
 *
 * @example
 * const page = await apiFetch<NotificationPage>('/api/notifications?status=unread');
 */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    // The session rotated its token (e.g. after login in another tab): fetch the new one, retry once.
    if (isApiError(error, 403) && error.code === 'csrf_invalid') {
      await refreshCsrfToken();
      return send<T>(path, options);
    }
    throw error;
  }
}

async function refreshCsrfToken(): Promise<void> {
  const session = await send<SessionInfo>('/api/auth/session', {});
  // The token is the session's; if the session is another user's now, repeating the change would make it
  // in their name (logout is the one route the identity check leaves to the CSRF token).
  if (actingUserId !== null && session.user.id !== actingUserId) {
    throw new ApiError(401, SESSION_CHANGED, 'This browser is now signed in as another user');
  }
  csrfToken = session.csrfToken;
}

async function send<T>(path: string, { method = 'GET', body, signal, headers: extra }: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { ...extra, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (actingUserId) headers[EXPECTED_USER_HEADER] = actingUserId;

  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

/** The server's `{ error: { code, message, details } }` answer (or any other non-2xx) as an ApiError. */
export function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as Partial<ApiErrorBody> | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(status, error.code, error.message ?? 'Request failed', error.details ?? []);
  }
  return new ApiError(status, 'http_error', `Request failed with status ${status}`);
}

/** Turns query parameters into `?a=1&b=2`, leaving out undefined values. */
export function toSearch(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
