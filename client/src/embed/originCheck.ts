/**
 * Whether FlashNotify at `baseUrl` is up and answering this page, yet refuses its origin (not in its
 * ALLOWED_ORIGINS). Ask it after an API request failed with a network error (`TypeError`): that is all a
 * page sees when the server leaves out the CORS headers and its preflight fails, and also all it sees when
 * the server is down, so a second request tells them apart: a HEAD of `/embed/flashnotify.js`, which
 * FlashNotify serves to every origin (`Access-Control-Allow-Origin: *`, `Cross-Origin-Resource-Policy:
 * cross-origin`), read in CORS mode so its status is known. When it answers 2xx, `retry` (an API request) is
 * sent once more and must fail with a network error again. A `no-cors` probe of `/api/health` would not do:
 * helmet's `Cross-Origin-Resource-Policy: same-origin` makes it fail from every other origin, and an opaque
 * answer cannot tell FlashNotify from a proxy's 502 page, which carries no CORS header either.
 *
 * Resolves false (not refused, or not known) rather than rejecting.
 *
 * @example
 * if (await originRefused('https://notify.example.com', () => client.fetchCounts())) showOriginError();
 */
export async function originRefused(baseUrl: string, retry: () => Promise<unknown>): Promise<boolean> {
  const script = `${baseUrl.replace(/\/+$/, '')}/embed/flashnotify.js`;
  // Not an inline literal: Node's RequestInit types (this file is also type-checked for Node) lack `cache`.
  const init = { method: 'HEAD', cache: 'no-store', credentials: 'omit' } as const;
  const up = await fetch(script, init).then(
    (response) => response.ok,
    () => false,
  );
  if (!up) return false;
  return retry().then(
    () => false,
    (error: unknown) => error instanceof TypeError,
  );
}
