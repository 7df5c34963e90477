/** The API key the e2e server is started with (playwright.config.ts). */
export const E2E_API_KEY = 'fn_e2e_bootstrap_key_0123456789abcdef';

/**
 * The e2e server's session secret (playwright.config.ts), so a test can sign what the server signs: the
 * push read token, whose key the server derives from it (see `e2eSigningSecret`).
 */
export const E2E_SESSION_SECRET = 'e2e-session-secret-0123456789abcdef-0123';
