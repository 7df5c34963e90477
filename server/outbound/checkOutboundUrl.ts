import { isIPv4 } from 'node:net';
import { urlCharacterProblem } from '../../shared/urls.js';
import { HttpError } from '../errors.js';
import { addressVerdict, hostNameVerdict, OUTBOUND_PORT, portVerdict, type OutboundPolicy } from './outboundPolicy.js';

/** Longest outbound URL accepted (push services' endpoints are ~200 characters). */
export const OUTBOUND_URL_MAX = 2048;

/** A URL the server may call, parsed, or the reason it may not. */
export type OutboundUrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * The rule for every URL the server itself will call for a user or an admin (push endpoints now;
 * Slack/Teams/webhook URLs next): `https:` only, no credentials, no characters a parser would repair,
 * a public host: a public DNS name (not `localhost`, `*.localhost`, a single label or a private-use
 * suffix), or an IP literal outside every private, loopback, link-local, unique-local, CGNAT, multicast
 * and reserved range; and port 443 unless the host is listed in `OUTBOUND_ALLOWED_HOSTS` (portVerdict). IPv4 literals are judged after the WHATWG parser's normalization, so
 * `https://2130706433/`, `https://0x7f.1/` and `https://[::ffff:127.0.0.1]/` are all 127.0.0.1.
 *
 * This needs no DNS, so it runs on input (a refusal's `reason` is meant for the 400's
 * `details[].message`). A name can still resolve to a private address later (DNS rebinding):
 * `createOutboundAgent` checks the resolved address at connect time. A new kind of outbound URL (a Slack,
 * Teams or webhook URL) uses both: this on the input, the agent for the request.
 *
 * @example
 * checkOutboundUrl('https://127.0.0.1/internal', policy) // { ok: false, reason: 'Must be a public host: 127.0.0.1 is a loopback address' }
 */
export function checkOutboundUrl(value: string, policy: OutboundPolicy): OutboundUrlVerdict {
  if (value.length > OUTBOUND_URL_MAX) return { ok: false, reason: `Must be at most ${OUTBOUND_URL_MAX} characters` };
  const characters = urlCharacterProblem(value);
  if (characters) return { ok: false, reason: characters };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'Must be an https URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'Must be an https URL' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'Must not contain a user name or password' };
  const verdict = hostVerdict(url.hostname, policy);
  if (!verdict.ok) return { ok: false, reason: `Must be a public host: ${verdict.reason}` };
  // The WHATWG parser leaves `port` empty for https's default (443, also when written out as `:443`).
  const port = portVerdict(url.hostname, url.port === '' ? OUTBOUND_PORT : Number(url.port), policy);
  return port.ok ? { ok: true, url } : { ok: false, reason: `Must use port ${OUTBOUND_PORT}: ${port.reason}` };
}

/**
 * An outbound URL given in a request body (a webhook endpoint's `url`, a user's `teamsWebhookUrl`), as the
 * URL parser writes it, when checkOutboundUrl accepts it.
 *
 * @throws HttpError 400 `validation_failed` naming `path` with the reason
 * @example
 * usableOutboundUrl(input.url, ctx.config.outbound, 'url') // 'https://hooks.example.com/in'
 */
export function usableOutboundUrl(value: string, policy: OutboundPolicy, path: string): string {
  const target = checkOutboundUrl(value, policy);
  if (!target.ok) throw new HttpError(400, 'validation_failed', 'Invalid request body', [{ path, message: target.reason }]);
  return target.url.href;
}

/** A WHATWG hostname is `[v6]`, a normalized dotted-quad IPv4, or a (punycoded, lower-case) name. */
function hostVerdict(hostname: string, policy: OutboundPolicy) {
  if (hostname.startsWith('[') || isIPv4(hostname)) return addressVerdict(hostname, policy);
  return hostNameVerdict(hostname, policy);
}
