/** The API key the e2e server is started with (playwright.config.ts). */
export const E2E_API_KEY = 'fn_e2e_bootstrap_key_0123456789abcdef';

/**
 * The e2e server's session secret (playwright.config.ts), so a test can sign what the server signs: the
 * push read token, whose key the server derives from it (see `e2eSigningSecret`).
 */
export const E2E_SESSION_SECRET = 'e2e-session-secret-0123456789abcdef-0123';

/** The e2e server's USER_TOKEN_SECRET (playwright.config.ts): the host app fixture signs user tokens with it. */
export const E2E_USER_TOKEN_SECRET = 'e2e-user-token-secret-0123456789abcdef-0123';

/** Port of the host app the embed spec starts; its origin is in the e2e server's ALLOWED_ORIGINS. */
export const E2E_HOST_PORT = Number(process.env.E2E_HOST_PORT ?? 3198);
