import { USER_TOKEN_ERRORS } from '@shared/userTokenErrors';
import { isApiError, toApiError, type ApiRequest } from './api.js';

/** Asks the host app for a fresh user token (its backend signs one for the signed-in user). */
export type GetUserToken = () => Promise<string>;

/** How long before its `exp` a token is replaced, in ms: a request must not leave with one that dies on the way. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * The `exp` of a JWT in ms since the epoch, read without verifying (the server verifies; the client only
 * needs to know when to ask for the next one), or undefined when it has none or is not a JWT.
 */
export function tokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) as {
      exp?: unknown;
    };
    return typeof json.exp === 'number' ? json.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The embedded inbox's current user token: asks the host (`getToken`) when there is none, when it expires
 * within REFRESH_MARGIN_MS, or when the server refused it; concurrent callers share one request to the host.
 *
 * @example
 * const tokens = new TokenSource(() => fetch('/my-backend/flashnotify-token').then((r) => r.text()));
 * const token = await tokens.get();
 */
export class TokenSource {
  private token: string | undefined;
  private expiresAt: number | undefined;
  private pending: Promise<string> | undefined;
  private lastAskFailed = false;

  constructor(private readonly getToken: GetUserToken) {}

  /** True when the host's last answer was a failure (its backend unreachable, its user signed out) rather than a token. */
  get unavailable(): boolean {
    return this.lastAskFailed;
  }

  /** When the current token expires (ms since the epoch), if known. */
  get expiry(): number | undefined {
    return this.expiresAt;
  }

  /** A token good for at least REFRESH_MARGIN_MS (or as long as the host's tokens live). */
  async get(): Promise<string> {
    if (this.token !== undefined && (this.expiresAt === undefined || this.expiresAt - Date.now() > REFRESH_MARGIN_MS)) return this.token;
    return this.refresh();
  }

  /** Asks the host for a new token whatever the current one's state (it was refused, or is about to expire). */
  refresh(): Promise<string> {
    this.pending ??= this.getToken()
      .then((token) => {
        if (typeof token !== 'string' || token === '') throw new Error('getToken() must resolve to a user token (a JWT string)');
        this.token = token;
        this.expiresAt = tokenExpiry(token);
        this.lastAskFailed = false;
        return token;
      })
      .catch((error: unknown) => {
        this.lastAskFailed = true;
        throw error;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}

/**
 * The inbox API over HTTP with a user token (`Authorization: Bearer`, no cookie, no CSRF token) at
 * `baseUrl`: a request refused with `token_expired` asks the host for a new token and is sent once more.
 *
 * @example
 * const request = userTokenRequest('https://notify.example.com', tokens);
 * const counts = await inboxRequests.counts(request);
 */
export function userTokenRequest(baseUrl: string, tokens: TokenSource): ApiRequest {
  const origin = baseUrl.replace(/\/+$/, '');
  const send = async <T,>(path: string, token: string, { method = 'GET', body, signal, headers: extra }: Parameters<ApiRequest>[1] = {}): Promise<T> => {
    const headers: Record<string, string> = { ...extra, accept: 'application/json', authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(origin + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      signal,
    });
    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) throw toApiError(response.status, payload);
    return payload as T;
  };
  return async <T,>(path: string, options?: Parameters<ApiRequest>[1]): Promise<T> => {
    try {
      return await send<T>(path, await tokens.get(), options);
    } catch (error) {
      if (!isApiError(error, 401) || error.code !== USER_TOKEN_ERRORS.expired) throw error;
      return send<T>(path, await tokens.refresh(), options);
    }
  };
}
