import { csrfSync } from 'csrf-sync';

/**
 * Synchronizer-token CSRF protection for cookie-authenticated mutations: the token lives in the session
 * and must come back in `x-csrf-token`. Safe methods pass; API-key routes (`/api/v1`) carry no cookie
 * and are mounted before this middleware.
 */
export const { csrfSynchronisedProtection: csrfProtection, generateToken: generateCsrfToken } = csrfSync({
  getTokenFromRequest: (req) => {
    const header = req.headers['x-csrf-token'];
    return typeof header === 'string' ? header : undefined;
  },
  errorConfig: { statusCode: 403, code: 'csrf_invalid', message: 'Missing or invalid CSRF token' },
});
