// Twilio error codes that mean "this number will never take this message": invalid 'To' (21211), not
// reachable by SMS (21214, 21612), the recipient replied STOP (21610), a landline (21614).
const PERMANENT_CODES = new Set([21211, 21214, 21610, 21612, 21614]);

/**
 * True for a Twilio answer that retrying cannot change. 401/403 (bad credentials), other 4xx (a
 * misconfigured sender), 429, 5xx and network errors stay transient: they are fixed by time or by an
 * admin, and the circuit breaker should see them.
 *
 * @example
 * if (isPermanentTwilioError(err)) throw new PermanentDeliveryError(err.message);
 */
export function isPermanentTwilioError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { status, code } = err as { status?: unknown; code?: unknown };
  return status === 400 && typeof code === 'number' && PERMANENT_CODES.has(code);
}
