import { z } from 'zod';
import { ACTION_URL_MAX, checkActionUrl } from '../urls.js';

/**
 * Action URLs are absolute http(s) (no credentials) or same-origin paths (`/orders/42`), checked by the
 * one rule in `shared/urls.ts` (control characters, whitespace, backslashes, `//host`, `javascript:`
 * refused), so a click can only go where the sender intended. The issue's message names the reason.
 */
export const actionUrlSchema = z
  .string()
  .max(ACTION_URL_MAX, `Must be at most ${ACTION_URL_MAX} characters`)
  .superRefine((value, ctx) => {
    // `.max()` already reported a long one (and documents the limit in the OpenAPI schema).
    if (value.length > ACTION_URL_MAX) return;
    const verdict = checkActionUrl(value);
    if (!verdict.ok) ctx.addIssue({ code: 'custom', message: verdict.message });
  });
