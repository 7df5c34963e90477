import { isIPv4 } from 'node:net';
import { urlCharacterProblem } from '../../shared/urls.js';
import { HttpError } from '../errors.js';
import { addressVerdict, hostNameVerdict, type OutboundPolicy } from './outboundPolicy.js';

/** Longest outbound URL accepted (push services' endpoints are ~200 characters). */
export const OUTBOUND_URL_MAX = 2048;

/** A URL the server may call, parsed, or the reason it may not. */
export type OutboundUrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * The rule for every URL the server itself will call for a user or an admin (push endpoints now;
 * Slack/Teams/webhook URLs next): `https:` only, no credentials, no characters a parser would repair,
 * and a public host: a public DNS name (not `localhost`, `*.localhost`, a single label or a private-use
 * suffix), or an IP literal outside every private, loopback, link-local, unique-local, CGNAT, multicast
 * and reserved range. IPv4 literals are judged after the WHATWG parser's normalization, so
 * `https://2130706433/`, `https://0x7f.1/` and `https://[::ffff:127.0.0.1]/` are all 127.0.0.1.
 *
 * This needs no DNS, so it runs on input. A name can still resolve to a private address later (DNS
 * rebinding): `createOutboundAgent` checks the resolved address at connect time.
 *
 * @example
 * checkOutboundUrl('https://127.0.0.1/internal', policy) // { ok: false, reason: '127.0.0.1 is a loopback address' }
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
  return verdict.ok ? { ok: true, url } : { ok: false, reason: `Must be a public host: ${verdict.reason}` };
}

/**
 * checkOutboundUrl for input: the parsed URL, or a 400 naming the field.
 *
 * @example
 * const url = assertOutboundUrl(body.endpoint, ctx.config.outbound, 'endpoint');
 */
export function assertOutboundUrl(value: string, policy: OutboundPolicy, path: string): URL {
  const verdict = checkOutboundUrl(value, policy);
  if (!verdict.ok) throw new HttpError(400, 'validation_failed', 'Invalid request body', [{ path, message: verdict.reason }]);
  return verdict.url;
}

/** A WHATWG hostname is `[v6]`, a normalized dotted-quad IPv4, or a (punycoded, lower-case) name. */
function hostVerdict(hostname: string, policy: OutboundPolicy) {
  if (hostname.startsWith('[') || isIPv4(hostname)) return addressVerdict(hostname, policy);
  return hostNameVerdict(hostname, policy);
}
