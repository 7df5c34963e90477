import { PermanentDeliveryError } from '../types.js';
import type { TwilioChannelName } from './twilioAddress.js';

// Twilio error codes that mean "this recipient will never take this message on this channel".
// SMS: invalid 'To' (21211), not reachable by SMS (21214, 21612), the recipient replied STOP (21610), a
// landline (21614). WhatsApp: invalid 'To' (21211), the number is not on WhatsApp (63003), an invalid
// recipient (63024), Meta's delivery experiment excludes the number (63032), a sandbox sender to a number
// that has not joined the sandbox (63015). 63018 (Meta's rate limit) is left transient: time fixes it.
const PERMANENT_CODES: Record<TwilioChannelName, ReadonlySet<number>> = {
  sms: new Set([21211, 21214, 21610, 21612, 21614]),
  whatsapp: new Set([21211, 63003, 63015, 63024, 63032]),
};

/** Twilio's "outside the 24-hour customer-service window" (WhatsApp error 470 behind it). */
const OUTSIDE_WINDOW = 63016;

/**
 * The error a Twilio channel throws for what `messages.create` threw: a PermanentDeliveryError for an
 * answer that retrying cannot change (the channel's recipient codes above, and WhatsApp's 63016 with the
 * fix named: a free-form message outside the 24-hour window needs an approved template); otherwise `err`
 * itself, transient. 401/403 (bad credentials), other 4xx (a misconfigured sender), 429 without
 * Retry-After, 5xx and network errors stay transient: they are fixed by time or by an admin, and the
 * circuit breaker should see them. (A 429 with Retry-After never gets here: see RetryAfterRequestClient.)
 *
 * @example
 * catch (err) { throw twilioDeliveryError(err, 'whatsapp'); }
 */
export function twilioDeliveryError(err: unknown, channel: TwilioChannelName): unknown {
  if (!err || typeof err !== 'object') return err;
  const { status, code } = err as { status?: unknown; code?: unknown };
  if (status !== 400 || typeof code !== 'number') return err;
  if (channel === 'whatsapp' && code === OUTSIDE_WINDOW) {
    return new PermanentDeliveryError(
      'WhatsApp refused a free-form message outside the 24-hour customer-service window (Twilio 63016): set ' +
        'TWILIO_WHATSAPP_CONTENT_SID to an approved WhatsApp template (variables 1 title, 2 body, 3 link)',
      { cause: err },
    );
  }
  return PERMANENT_CODES[channel].has(code) ? new PermanentDeliveryError((err as Error).message, { cause: err }) : err;
}
