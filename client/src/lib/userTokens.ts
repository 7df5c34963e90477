import { USER_TOKEN_ERRORS } from '@shared/userTokenErrors';
import { isApiError, toApiError, type ApiRequest } from './api.js';

/**
 * Asks the host app for a fresh user token (its backend signs one for the signed-in user). Resolves to `null`
 * (or rejects with SignedOutError) when nobody is signed in to the host; any other failure is taken for a
 * passing one (the host's backend unreachable or restarting) and retried with backoff.
 */
export type GetUserToken = () => Promise<string | null>;

/** The host says nobody is signed in (its `getToken` gave `null`, its token URL answered 401/403): no retry helps. */
export class SignedOutError extends Error {
  constructor(message = 'Nobody is signed in to the host app') {
    super(message);
    this.name = 'SignedOutError';
  }
}

/**
 * How long before its `exp` a token is replaced, in ms: a request must not leave with one that dies on the way.
 * At most a quarter of what the token had left when it arrived, so a host signing short tokens (30 s) is asked
 * again after 22.5 s, not on every call.
 */
const REFRESH_MARGIN_MS = 60_000;

/** What the client reads of a user token: `exp` (ms since the epoch) and `sub` (the host's user id). */
interface TokenClaims {
  expiresAt: number | undefined;
  subject: string | undefined;
}

/**
 * The `exp` and `sub` of a JWT, read without verifying (the server verifies; the client only needs to know
 * when to ask for the next one, and whether it is still the same user's), or undefined fields when it is not a JWT.
 */
function tokenClaims(token: string): TokenClaims {
  const payload = token.split('.')[1];
  if (!payload) return { expiresAt: undefined, subject: undefined };
  try {
    const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) as {
      exp?: unknown;
      sub?: unknown;
    };
    return { expiresAt: typeof json.exp === 'number' ? json.exp * 1000 : undefined, subject: typeof json.sub === 'string' ? json.sub : undefined };
  } catch {
    return { expiresAt: undefined, subject: undefined };
  }
}

/**
 * The embedded inbox's current user token: asks the host (`getToken`) when there is none, when it is due for
 * renewal (`renewAt`), or when the server refused it; concurrent callers share one request to the host. A token
 * for another `sub` than the previous one means the host's signed-in user changed: `onUserChanged` is called
 * (before the token is handed out), so what was shown of the previous user can go.
 *
 * @example
 * const tokens = new TokenSource(() => fetch('/my-backend/flashnotify-token').then((r) => r.text()));
 * const token = await tokens.get();
 */
export class TokenSource {
  private token: string | undefined;
  private renewAtMs: number | undefined;
  private subject: string | undefined;
  private pending: Promise<string> | undefined;
  private lastFailure: 'signed-out' | 'unavailable' | undefined;
  private askedAt = 0;

  constructor(
    private readonly getToken: GetUserToken,
    private readonly onUserChanged: () => void = () => {},
  ) {}

  /** True when the host's last answer was a passing failure (its backend unreachable) rather than a token or "signed out". */
  get unavailable(): boolean {
    return this.lastFailure === 'unavailable';
  }

  /** When the current token is due for renewal (ms since the epoch), if it says when it expires. */
  get renewAt(): number | undefined {
    return this.renewAtMs;
  }

  /** When the host was last asked (ms since the epoch; 0: never). */
  get lastAskedAt(): number {
    return this.askedAt;
  }

  /** A token not yet due for renewal (see REFRESH_MARGIN_MS). */
  async get(): Promise<string> {
    if (this.token !== undefined && (this.renewAtMs === undefined || Date.now() < this.renewAtMs)) return this.token;
    return this.refresh();
  }

  /** Asks the host for a new token whatever the current one's state (it was refused, or is about to expire). */
  refresh(): Promise<string> {
    if (!this.pending) this.askedAt = Date.now();
    this.pending ??= this.getToken()
      .then((token) => {
        if (token === null) throw new SignedOutError();
        if (typeof token !== 'string' || token === '') throw new Error('getToken() must resolve to a user token (a JWT string) or null');
        const { expiresAt, subject } = tokenClaims(token);
        const changed = this.token !== undefined && subject !== this.subject;
        this.token = token;
        this.subject = subject;
        this.renewAtMs = expiresAt === undefined ? undefined : expiresAt - Math.min(REFRESH_MARGIN_MS, Math.max(0, expiresAt - Date.now()) / 4);
        this.lastFailure = undefined;
        if (changed) this.onUserChanged();
        return token;
      })
      .catch((error: unknown) => {
        this.lastFailure = error instanceof SignedOutError ? 'signed-out' : 'unavailable';
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
