// The longest wait a Retry-After may ask for: a day (a bigger or broken value is read as this).
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * A `Retry-After` header (RFC 9110 §10.2.3: a delay in seconds, or an HTTP date) as milliseconds from `now`,
 * clamped to 0 … one day; undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  // An HTTP date names its day and month in letters; a bare "-5" would otherwise parse as the year -5.
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : /[A-Za-z]/.test(value) ? Date.parse(value) - now : Number.NaN;
  return Number.isNaN(ms) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
