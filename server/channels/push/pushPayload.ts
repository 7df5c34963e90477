import { translator } from '../../i18n/catalogs.js';
import { truncateText } from '../../../shared/text.js';
import type { Priority } from '../../../shared/types.js';
import { READ_TOKEN_TTL_MS, signReadToken } from '../../services/notifications/readToken.js';
import type { NotificationAction } from '../../../shared/schemas/actions.js';
import { absoluteActionUrl, inboxUrl } from '../links.js';
import { absoluteIconUrl } from '../richLinks.js';
import type { OutgoingMessage } from '../types.js';

/** What a push notification shows; `POST /api/push-actions/details` answers with this. */
export interface PushDetails {
  id: string;
  title: string;
  body: string;
  /** Where a click leads: the absolute action URL, or the inbox. */
  url: string;
  category: string;
  priority: Priority;
  /** Absolute icon URL (the Notification API's `icon`); absent when the notification has none. */
  icon?: string;
  /** Its buttons (the Notification API's `actions`); absent when it has none. */
  actions?: PushAction[];
}

/**
 * One button of a push message. A `url` action carries its absolute link while the payload has room; without
 * it the service worker opens what `POST /api/push-actions/act` answers.
 */
export interface PushAction {
  id: string;
  label: string;
  kind: NotificationAction['kind'];
  url?: string;
}

/** The JSON the service worker (`client/public/sw.js`) receives in its `push` event. */
export interface PushPayload extends PushDetails {
  /** Lets the service worker mark the notification read, and fetch it, without a cookie or CSRF token. */
  readToken: string;
}

/**
 * What is sent after a push service refused the full payload as too large (413): enough to show a
 * notification at once. The service worker fetches the rest (`POST /api/push-actions/details` with the
 * token) and shows what it has if it cannot. `url` is left out when long; the details carry it.
 */
export interface MinimalPushPayload {
  minimal: true;
  id: string;
  title: string;
  priority: Priority;
  url?: string;
  readToken: string;
  /** The line the service worker shows when it cannot fetch the rest, in the recipient's language. */
  hint: string;
}

/**
 * Bytes aes128gcm adds to a Web Push message (RFC 8291 §4, which uses RFC 8188 with one record): the
 * header (salt 16 + record size 4 + key-id length 1 + the sender's P-256 public key 65 = 86), then the
 * record's padding delimiter (1) and AEAD tag (16). web-push adds no padding beyond the delimiter.
 */
export const ENCRYPTION_OVERHEAD_BYTES = 86 + 1 + 16;

/**
 * What an encrypted message may weigh. RFC 8030 §7.2 has push services accept 4096 bytes, but some
 * refuse about 3 KB already with 413 (Firefox for Android relays through FCM, whose data limit the
 * base64-encoded message must fit); 3 KiB leaves that margin.
 */
export const MAX_ENCRYPTED_BYTES = 3072;

/** Plaintext JSON budget: MAX_ENCRYPTED_BYTES − ENCRYPTION_OVERHEAD_BYTES = 2969 bytes (UTF-8). */
export const MAX_PAYLOAD_BYTES = MAX_ENCRYPTED_BYTES - ENCRYPTION_OVERHEAD_BYTES;

/** A minimal payload's title, in bytes of JSON (escapes counted): a line on a lock screen. */
export const MINIMAL_TITLE_BYTES = 120;
/** A minimal payload carries the URL only up to this many bytes of JSON; the fetched details always have it. */
const MINIMAL_URL_BYTES = 512;

/** Both payloads of one notification for one recipient: the full one, and the one to resend on a 413. */
export interface PushPayloads {
  full: string;
  minimal: string;
}

/**
 * The payloads for one notification; both always fit MAX_PAYLOAD_BYTES, whatever the notification holds.
 *
 * The full one: the body, then if need be the title, are cut on grapheme boundaries with an ellipsis
 * (`shared/text.ts`), as little as possible. The link passes the one action-URL rule (`shared/urls.ts`)
 * and is never cut: it is kept while the payload fits with it, an empty body and the title cut to what a
 * minimal payload shows (MINIMAL_TITLE_BYTES); a longer one gives way to the inbox URL (as in an SMS),
 * where the notification opens with its link. Should even that not fit (only a PUBLIC_URL of kilobytes
 * could do it), the full payload is the minimal one, which the service worker completes.
 *
 * @example
 * const { full, minimal } = buildPushPayloads(message, { publicUrl: ctx.publicUrl, signingSecret: ctx.signingSecret });
 */
export function buildPushPayloads(message: OutgoingMessage, options: { publicUrl: string; signingSecret: string; now?: Date }): PushPayloads {
  const { notification, recipient } = message;
  const now = options.now ?? new Date();
  const payload: PushPayload = {
    ...pushDetails(notification, options.publicUrl),
    readToken: signReadToken(options.signingSecret, {
      userId: recipient.id,
      notificationId: notification.id,
      expiresAt: new Date(now.getTime() + READ_TOKEN_TTL_MS),
    }),
  };
  const shortTitle = cutToJsonBytes(payload.title, MINIMAL_TITLE_BYTES);
  const minimal: MinimalPushPayload = {
    minimal: true,
    id: payload.id,
    title: shortTitle,
    priority: payload.priority,
    ...(jsonBytes(payload.url) <= MINIMAL_URL_BYTES ? { url: payload.url } : {}),
    readToken: payload.readToken,
    hint: translator(recipient.locale).t('push.openForMore', { app: 'FlashNotify' }),
  };
  const linkFits = jsonBytes({ ...withRoom(payload, shortTitle), title: shortTitle, body: '' }) <= MAX_PAYLOAD_BYTES;
  const linked = linkFits ? withRoom(payload, shortTitle) : withRoom({ ...payload, url: inboxUrl(options.publicUrl) }, shortTitle);
  const full = fitField(fitField(linked, 'body', MAX_PAYLOAD_BYTES), 'title', MAX_PAYLOAD_BYTES);
  const fullJson = JSON.stringify(full);
  return { full: Buffer.byteLength(fullJson) <= MAX_PAYLOAD_BYTES ? fullJson : JSON.stringify(minimal), minimal: JSON.stringify(minimal) };
}

/**
 * What a push shows for a notification, in full (no size limit): the payload's content, and the answer
 * the service worker fetches after a minimal payload. The link passes the action-URL rule or is the inbox.
 *
 * @example
 * res.json(pushDetails(row, ctx.publicUrl));
 */
export function pushDetails(
  notification: {
    id: string;
    title: string;
    body: string;
    actionUrl: string | null;
    category: string;
    priority: Priority;
    icon: string | null;
    actions: readonly NotificationAction[];
  },
  publicUrl: string,
): PushDetails {
  const icon = absoluteIconUrl(notification.icon, publicUrl);
  const actions = notification.actions.map((a): PushAction => {
    const url = a.kind === 'url' ? absoluteActionUrl(a.url ?? null, publicUrl) : null;
    return { id: a.id, label: a.label, kind: a.kind, ...(url ? { url } : {}) };
  });
  return {
    id: notification.id,
    title: notification.title,
    body: notification.body,
    url: absoluteActionUrl(notification.actionUrl, publicUrl) ?? inboxUrl(publicUrl),
    category: notification.category,
    priority: notification.priority,
    ...(icon ? { icon } : {}),
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/**
 * The payload with what makes it richer given up, most expendable first, until it would fit with an empty
 * body and the title cut to `shortTitle`: the action buttons' links (the service worker then asks
 * `/api/push-actions/act` where to go), then the icon. The buttons themselves (ids and labels of at most
 * 40 characters) always stay.
 */
function withRoom(payload: PushPayload, shortTitle: string): PushPayload {
  const fits = (p: PushPayload) => jsonBytes({ ...p, title: shortTitle, body: '' }) <= MAX_PAYLOAD_BYTES;
  if (fits(payload)) return payload;
  const unlinked: PushPayload = payload.actions ? { ...payload, actions: payload.actions.map(({ url: _url, ...rest }) => rest) } : payload;
  if (fits(unlinked)) return unlinked;
  const { icon: _icon, ...plain } = unlinked;
  return plain;
}

/**
 * The full payload only (what a push service that accepts it receives).
 *
 * @example
 * const json = buildPushPayload(message, { publicUrl, signingSecret });
 */
export function buildPushPayload(message: OutgoingMessage, options: { publicUrl: string; signingSecret: string; now?: Date }): string {
  return buildPushPayloads(message, options).full;
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const ELLIPSIS = '…'; // truncateText's default: 3 bytes in UTF-8 and in JSON
const ELLIPSIS_BYTES = Buffer.byteLength(ELLIPSIS);

/** `payload` with `field` cut so the JSON fits `maxBytes`, or unchanged when it already does. */
function fitField(payload: PushPayload, field: 'body' | 'title', maxBytes: number): PushPayload {
  if (jsonBytes(payload) <= maxBytes) return payload;
  const room = maxBytes - jsonBytes({ ...payload, [field]: '' });
  return { ...payload, [field]: cutToJsonBytes(payload[field], room) };
}

/**
 * `text` unchanged when its JSON string (quotes excluded) takes at most `maxBytes`; otherwise its longest
 * grapheme-safe prefix (`truncateText`) with an ellipsis that does, or '' when not even the ellipsis fits.
 * JSON escaping makes some characters cost more than their UTF-8 bytes, so the UTF-8 budget handed to
 * truncateText is the longest prefix whose *escaped* size fits (jsonPrefixBudget). Reads at most about
 * `maxBytes` code units of `text`.
 */
function cutToJsonBytes(text: string, maxBytes: number): string {
  // Every code unit takes at least one byte in JSON, so a longer text cannot fit.
  if (text.length <= maxBytes && jsonBytes(text) - 2 <= maxBytes) return text;
  let room = maxBytes - ELLIPSIS_BYTES;
  for (;;) {
    if (room <= 0) return '';
    const { utf8Bytes } = jsonPrefixBudget(text, room);
    const candidate = truncateText(text, utf8Bytes + ELLIPSIS_BYTES, { measure: 'utf8' });
    // Kept whole because the rest was short: its escapes may still overflow by a few bytes; cut one more.
    if (jsonBytes(candidate) - 2 <= maxBytes) return candidate;
    room -= 6;
  }
}

/**
 * Walks `text` while the JSON-escaped prefix fits `jsonBudget` bytes; returns that prefix's UTF-8 size
 * and where it ends (a code-unit index). JSON.stringify escapes `"`, `\\` and \b \t \n \f \r as 2 bytes,
 * other C0 controls and lone surrogates as 6 (`\u001f`, `\ud83d`); every other character costs its UTF-8
 * bytes (a lone surrogate 3: U+FFFD, as TextEncoder writes it).
 */
function jsonPrefixBudget(text: string, jsonBudget: number): { utf8Bytes: number; end: number } {
  let utf8 = 0;
  let json = 0;
  let i = 0;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const pair = unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    let u: number;
    let j: number;
    if (unit < 0x80) {
      u = 1;
      j = unit === 0x22 || unit === 0x5c || (unit >= 8 && unit <= 13 && unit !== 11) ? 2 : unit < 0x20 ? 6 : 1;
    } else if (unit < 0x800) u = j = 2;
    else if (pair) u = j = 4;
    else if (unit >= 0xd800 && unit <= 0xdfff) [u, j] = [3, 6];
    else u = j = 3;
    if (json + j > jsonBudget) break;
    utf8 += u;
    json += j;
    i += pair ? 2 : 1;
  }
  return { utf8Bytes: utf8, end: i };
}
