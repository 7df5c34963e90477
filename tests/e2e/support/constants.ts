/** The API key the e2e server is started with (playwright.config.ts). */
export const E2E_API_KEY = 'fn_e2e_bootstrap_key_0123456789abcdef';
