import { SignedOutError, type GetUserToken } from '../lib/userTokens.js';

/** The host could not give a token for now (its backend failed or is unreachable): shown as an error, retried with backoff. */
export class TokenUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TokenUnavailableError';
  }
}

/**
 * `getToken` for the element's `token-url`: a URL on the host's own backend (relative to the page) that
 * answers with a user token for its signed-in user, as JSON `{ "token": "…" }` or as the bare token in
 * text. Fetched with the page's credentials (the host's session cookie), never cached. 401 or 403 means
 * nobody is signed in (SignedOutError); any other failure (a 502 during a deploy, the network) is passing
 * (TokenUnavailableError).
 *
 * @example
 * const getToken = tokenFromUrl('/flashnotify/token');
 */
export function tokenFromUrl(url: string): GetUserToken {
  return async () => {
    const response = await fetch(new URL(url, document.baseURI), { credentials: 'include', cache: 'no-store', headers: { accept: 'application/json, text/plain' } });
    if (response.status === 401 || response.status === 403) throw new SignedOutError(`token-url answered ${response.status}`);
    if (!response.ok) throw new TokenUnavailableError(`token-url answered ${response.status}`);
    const token = (response.headers.get('content-type') ?? '').includes('json')
      ? ((await response.json()) as { token?: unknown } | null)?.token
      : (await response.text()).trim();
    if (typeof token !== 'string' || token === '') throw new TokenUnavailableError('token-url gave no token');
    return token;
  };
}

/** True when `error` says the host's user is signed out (rather than that the host is failing for now). */
export function isSignedOut(error: unknown): boolean {
  return error instanceof SignedOutError;
}

/**
 * `getToken` whose failures are either SignedOutError (it resolved `null` or said so) or TokenUnavailableError
 * (anything else it threw: passing), so the element tells "signed out" from "try again".
 */
export function guardTokens(getToken: GetUserToken): GetUserToken {
  return () =>
    Promise.resolve()
      .then(getToken)
      .then((token) => {
        if (token === null) throw new SignedOutError('getToken() resolved null');
        return token;
      })
      .catch((error: unknown) => {
        throw error instanceof TokenUnavailableError || error instanceof SignedOutError ? error : new TokenUnavailableError('getToken() failed', { cause: error });
      });
}
