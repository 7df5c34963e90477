import type { GetUserToken } from '../lib/userTokens.js';

/** The host could not give a token (its user is signed out, or its backend failed): the inbox shows signed out. */
export class TokenUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TokenUnavailableError';
  }
}

/**
 * `getToken` for the element's `token-url`: a URL on the host's own backend (relative to the page) that
 * answers with a user token for its signed-in user, as JSON `{ "token": "…" }` or as the bare token in
 * text. Fetched with the page's credentials (the host's session cookie), never cached.
 *
 * @example
 * const getToken = tokenFromUrl('/flashnotify/token');
 */
export function tokenFromUrl(url: string): GetUserToken {
  return async () => {
    const response = await fetch(new URL(url, document.baseURI), { credentials: 'include', cache: 'no-store', headers: { accept: 'application/json, text/plain' } });
    if (!response.ok) throw new TokenUnavailableError(`token-url answered ${response.status}`);
    const token = (response.headers.get('content-type') ?? '').includes('json')
      ? ((await response.json()) as { token?: unknown } | null)?.token
      : (await response.text()).trim();
    if (typeof token !== 'string' || token === '') throw new TokenUnavailableError('token-url gave no token');
    return token;
  };
}

/** `getToken` whose every failure is a TokenUnavailableError, so the element tells "signed out" from "network". */
export function guardTokens(getToken: GetUserToken): GetUserToken {
  return () =>
    Promise.resolve()
      .then(getToken)
      .catch((error: unknown) => {
        throw error instanceof TokenUnavailableError ? error : new TokenUnavailableError('getToken() failed', { cause: error });
      });
}
