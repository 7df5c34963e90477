import type { NodemailerError } from 'nodemailer';

// Replies that say this recipient can never receive the message: no such user (550), not local (551),
// mailbox name not allowed (553). 552 at RCPT is "mailbox full", which RFC 5321 §4.5.3.1.10 says to
// treat as temporary.
const RECIPIENT_REJECTIONS = new Set([550, 551, 553]);

/**
 * True when retrying the same message to the same address cannot succeed: the server refused the
 * recipient (or the message) with a 5xx reply, or nodemailer found the address malformed. Everything
 * else — refused connections, timeouts, 4xx, a 5xx for the sender or authentication (a configuration
 * problem that the circuit breaker should see) — is transient.
 *
 * @example
 * if (isPermanentSmtpError(err)) throw new PermanentDeliveryError(err.message);
 */
export function isPermanentSmtpError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, command, responseCode, message } = err as NodemailerError;
  // Nodemailer's own address check, before anything is sent ("Invalid recipient", "No recipients defined").
  if (code === 'EENVELOPE' && command === 'API') return /recipient/i.test(message);
  if (!responseCode) return false;
  if (command === 'RCPT TO') return responseCode >= 500 && responseCode !== 503 && responseCode !== 552;
  if (command === 'DATA') return RECIPIENT_REJECTIONS.has(responseCode);
  return false;
}
