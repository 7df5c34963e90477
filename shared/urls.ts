/**
 * The one rule for links FlashNotify shows or sends to people (a notification's `actionUrl`), used by
 * every input (REST v1, the admin composer on both sides), by every builder that puts a link into an
 * email, SMS or push message, and by the web client before it navigates.
 *
 * Why a rule of its own and not just `new URL()`: the WHATWG URL parser (https://url.spec.whatwg.org/)
 * that browsers use *repairs* input before it resolves it. It removes ASCII tab and newline anywhere
 * ("remove all ASCII tab or newline", basic URL parser step 3), strips leading and trailing C0 controls
 * and spaces, and reads `\` as `/` in http(s) URLs. So `/\t/evil.example/x` looks like a same-origin path
 * to a `startsWith('/')` check but a browser follows it to `//evil.example/x`, another site. The rule
 * below refuses everything the parser would have to repair, then asks the parser itself where a relative
 * path lands.
 *
 * Outbound URLs the *server* calls (push endpoints, webhooks) are a different question (which addresses
 * the server may connect to) and live in `server/outbound/`.
 */

/** Longest action URL accepted, in UTF-16 code units (a common browser and proxy limit is 2 KB). */
export const ACTION_URL_MAX = 2048;

/** Where a valid action URL leads: a path of this app, or an absolute http(s) URL of any site. */
export type ActionUrlTarget = { kind: 'relative'; path: string } | { kind: 'absolute'; href: string };

/** Why an action URL is refused, as a message for the error's `details[].message`. */
export type ActionUrlVerdict = { ok: true; target: ActionUrlTarget } | { ok: false; message: string };

// C0/C1 controls and DEL (Cc), any whitespace (\s covers Unicode spaces, NBSP, U+2028/2029 and the BOM),
// and the invisible direction marks and overrides that make a link read differently than it resolves.
const INVISIBLE_OR_CONTROL = /[\p{Cc}\s\u200B-\u200F\u202A-\u202E\u2060-\u2069]/u;

// Any origin works as the base: only whether the result keeps it matters. `.invalid` (RFC 2606) can
// never be a real host, so no input can resolve to it by accident.
const PROBE_ORIGIN = 'https://same-origin.invalid';

/**
 * Checks an action URL: a same-origin path starting with one `/`, or an absolute `http:`/`https:` URL
 * without credentials. Refused: control characters, whitespace and invisible marks anywhere (also
 * leading or trailing), backslashes, `//host` and anything else a WHATWG parser would resolve to another
 * origin for a relative path, other schemes (`javascript:`, `data:`), `user:pass@`, and more than
 * ACTION_URL_MAX characters. Percent-encoded bytes (`/%09/x`, `/%2F%2Fevil`) are fine: no parser decodes
 * them before resolving, so they stay in the path.
 *
 * @example
 * checkActionUrl('/orders/42')          // { ok: true, target: { kind: 'relative', path: '/orders/42' } }
 * checkActionUrl('/\t/evil.example/x')  // { ok: false, message: 'Must not contain control characters or whitespace' }
 */
export function checkActionUrl(value: string): ActionUrlVerdict {
  if (value.length === 0) return refuse('Must not be empty');
  if (value.length > ACTION_URL_MAX) return refuse(`Must be at most ${ACTION_URL_MAX} characters`);
  const characters = urlCharacterProblem(value);
  if (characters) return refuse(characters);
  if (value.startsWith('/')) return checkRelative(value);
  return checkAbsolute(value);
}

/**
 * True when `value` passes checkActionUrl.
 *
 * @example
 * isSafeActionUrl('https://shop.example/o/1') // true
 */
export function isSafeActionUrl(value: string): boolean {
  return checkActionUrl(value).ok;
}

/**
 * What a WHATWG parser would silently repair in `value` (and so make it mean something other than it
 * reads): control characters, whitespace or invisible marks anywhere, or a backslash. Null when none.
 * Shared by the action-URL rule and the outbound-URL rule (`server/outbound/`).
 *
 * @example
 * urlCharacterProblem('https://a.example/\\x') // 'Must not contain a backslash'
 */
export function urlCharacterProblem(value: string): string | null {
  if (INVISIBLE_OR_CONTROL.test(value)) return 'Must not contain control characters or whitespace';
  if (value.includes('\\')) return 'Must not contain a backslash';
  return null;
}

function checkRelative(value: string): ActionUrlVerdict {
  if (value.startsWith('//')) return refuse('Must not start with "//" (a link to another host)');
  // What the browser will do with it, asked of the same parser: the origin must not change.
  const resolved = new URL(value, PROBE_ORIGIN);
  if (resolved.origin !== PROBE_ORIGIN) return refuse('Must stay on this site');
  return { ok: true, target: { kind: 'relative', path: value } };
}

function checkAbsolute(value: string): ActionUrlVerdict {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse('Must be an http(s) URL or a path starting with "/"');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('Must be an http(s) URL or a path starting with "/"');
  // `http:evil.example` and `https:/evil.example` parse (the parser repairs them), but a browser resolves the
  // same text against the page it is on: on a page of that scheme they are paths of the page's own site.
  if (!/^https?:\/\//i.test(value)) return refuse('Must be a full URL starting with http:// or https://');
  // `https://bank.example@evil.example/` reads as the bank and goes to evil.example.
  if (url.username !== '' || url.password !== '') return refuse('Must not contain a user name or password');
  if (url.hostname === '') return refuse('Must name a host');
  return { ok: true, target: { kind: 'absolute', href: value } };
}

function refuse(message: string): ActionUrlVerdict {
  return { ok: false, message };
}

/** Longest icon URL accepted: a push payload carries it whole (see server/channels/push/pushPayload.ts). */
export const ICON_URL_MAX = 512;

/**
 * Checks a notification's or a category's icon: the action-URL rule (checkActionUrl), and, when
 * absolute, `https:` only — an `http:` image on an https page is mixed content that browsers block or
 * flag, and a plain-text fetch tells the network who read what. `data:` and `javascript:` are refused by
 * the action-URL rule already.
 *
 * @example
 * checkIconUrl('https://cdn.example/a.png') // { ok: true, target: { kind: 'absolute', href: 'https://cdn.example/a.png' } }
 * checkIconUrl('http://cdn.example/a.png')  // { ok: false, message: 'Must be an https: URL or a path starting with "/"' }
 */
export function checkIconUrl(value: string): ActionUrlVerdict {
  if (value.length > ICON_URL_MAX) return refuse(`Must be at most ${ICON_URL_MAX} characters`);
  const verdict = checkActionUrl(value);
  if (verdict.ok && verdict.target.kind === 'absolute' && !/^https:\/\//i.test(value)) {
    return refuse('Must be an https: URL or a path starting with "/"');
  }
  return verdict;
}
