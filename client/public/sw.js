/*
 * FlashNotify service worker, served as-is at /sw.js (scope /). Shows Web Push messages and, on a click,
 * marks the notification read and brings the app to its action URL. Payload (server/channels/push/pushPayload.ts):
 * { id, title, body, url, category, priority, icon?, actions?, readToken }, or, when a push service refused that as too
 * large (413), the minimal { minimal: true, id, title (cut), priority, url?, readToken }: the rest is
 * fetched with the token (POST /api/push-actions/details), and what it has is shown if that fails.
 */

// A push event must show something soon; a slow network must not hold the notification back for long.
const DETAILS_TIMEOUT_MS = 5000;

// A new version takes over at once: an old worker must not keep showing pushes with stale logic.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  event.waitUntil(completePayload(readPayload(event.data)).then(showPush));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const action = event.action && Array.isArray(data.actions) ? data.actions.find((a) => a && a.id === event.action) : undefined;
  event.waitUntil(action ? takeAction(data, action) : openNotification(data));
});

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(resubscribe(event));
});

/** The JSON payload, or null for an empty or foreign message. */
function readPayload(data) {
  try {
    const payload = data ? data.json() : null;
    return payload && typeof payload.title === 'string' ? payload : null;
  } catch {
    return null;
  }
}

/** A minimal payload completed with the details the server keeps; the payload itself when that fails. */
async function completePayload(payload) {
  if (!payload || !payload.minimal || typeof payload.readToken !== 'string') return payload;
  try {
    const response = await fetch('/api/push-actions/details', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: payload.readToken }),
      signal: AbortSignal.timeout(DETAILS_TIMEOUT_MS),
    });
    if (!response.ok) return payload;
    const details = await response.json();
    if (!details || details.id !== payload.id || typeof details.title !== 'string') return payload;
    return { ...details, readToken: payload.readToken };
  } catch {
    return payload; // offline or slow: the cut title and a click into the app still work
  }
}

function showPush(payload) {
  // Subscriptions are userVisibleOnly: a push that shows nothing makes the browser show its own notice.
  if (!payload) {
    return self.registration.showNotification('FlashNotify', { body: 'You have a new notification.', data: { url: '/' } });
  }
  return self.registration.showNotification(payload.title, {
    body: payload.body || (payload.minimal ? payload.hint || 'Open FlashNotify to read the full message.' : ''),
    // The same notification delivered twice (a retried send) replaces itself instead of stacking.
    tag: payload.id,
    icon: typeof payload.icon === 'string' ? payload.icon : '/favicon.svg',
    requireInteraction: payload.priority === 'critical',
    // Up to two buttons (issue 11); browsers that show none still show the notification.
    actions: pushActions(payload.actions).map((a) => ({ action: a.id, title: a.label })),
    data: { id: payload.id, url: payload.url, readToken: payload.readToken, actions: pushActions(payload.actions) },
  });
}

/** The payload's buttons, only well-formed ones, at most two. */
function pushActions(actions) {
  if (!Array.isArray(actions)) return [];
  return actions.filter((a) => a && typeof a.id === 'string' && typeof a.label === 'string').slice(0, 2);
}

/**
 * A button was clicked: the answer is recorded with the payload's token (POST /api/push-actions/act). A
 * `url` button opens its link at once while the click is fresh (or, when the payload had no room for it,
 * what the server answers); an `acknowledge` button opens nothing.
 */
async function takeAction(data, action) {
  const recording = data.readToken
    ? fetch('/api/push-actions/act', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: data.readToken, actionId: action.id }),
        keepalive: true,
      })
        .then((response) => (response.ok ? response.json() : null))
        .catch(() => null) // best effort: the buttons are still in the inbox
    : Promise.resolve(null);
  if (action.kind !== 'url') {
    await recording;
    return;
  }
  if (typeof action.url === 'string') {
    await Promise.all([focusOrOpen(safeUrl(action.url)), recording]);
    return;
  }
  const answer = await recording;
  await focusOrOpen(safeUrl(answer && answer.url));
}

/** Opens the app first (browsers allow it only while the click is fresh), marking read alongside. */
async function openNotification(data) {
  const target = safeUrl(data.url);
  const opening = focusOrOpen(target);
  const marking = data.readToken ? markRead(data.readToken) : Promise.resolve();
  await Promise.all([opening, marking]);
}

/**
 * Only what the server builds (server/channels/links.ts, after the action-URL rule in shared/urls.ts): an
 * absolute http(s) URL without credentials, in the parser's canonical form. A value the parser would have
 * to repair (tab, newline, backslash, space) is not canonical, so it can never be read one way and
 * followed another. Anything else opens the inbox.
 */
function safeUrl(url) {
  const inbox = new URL('/', self.location.origin);
  if (typeof url !== 'string') return inbox;
  try {
    const parsed = new URL(url);
    const httpLike = parsed.protocol === 'http:' || parsed.protocol === 'https:';
    return httpLike && parsed.href === url && !parsed.username && !parsed.password ? parsed : inbox;
  } catch {
    return inbox;
  }
}

/** An app window is reused (navigated, then focused); an external link or no window opens a new one. */
async function focusOrOpen(target) {
  if (target.origin === self.location.origin) {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const existing = windows.find((client) => new URL(client.url).origin === self.location.origin);
    if (existing) {
      try {
        const shown = existing.url === target.href ? existing : await existing.navigate(target.href);
        // Focus is best effort: the browser may refuse it, the window already shows the target.
        await (shown || existing).focus().catch(() => undefined);
        return;
      } catch {
        // navigate() rejects for a window this worker does not control: open a fresh one instead.
      }
    }
  }
  await self.clients.openWindow(target.href);
}

/** No cookie or CSRF token here: the signed token from the payload is the authorization. */
function markRead(token) {
  return fetch('/api/push-actions/read', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
    keepalive: true,
  }).catch(() => undefined); // best effort: the notification stays unread in the inbox
}

/**
 * The browser replaced the subscription (expiry, key rotation): store the new one for the signed-in
 * user, with the CSRF token of the session the cookie carries. Without a session it waits for the
 * user to enable push again on the Devices page.
 */
async function resubscribe(event) {
  try {
    const keyResponse = await fetch('/api/push/vapid-public-key', { credentials: 'same-origin' });
    if (!keyResponse.ok) return;
    const { publicKey } = await keyResponse.json();
    const subscription =
      event.newSubscription ||
      (await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey }));
    const sessionResponse = await fetch('/api/auth/session', { credentials: 'same-origin' });
    if (!sessionResponse.ok) return;
    const { csrfToken } = await sessionResponse.json();
    await fetch('/api/push/subscriptions', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify(subscription.toJSON()),
    });
  } catch {
    // Offline or signed out: the Devices page offers "Enable push" again.
  }
}
