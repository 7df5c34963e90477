const THIS_DEVICE_KEY = 'flashnotify.pushDeviceId';

/** Why this browser cannot receive Web Push (a catalog message), or null when it can. */
export function pushUnsupportedReason(): 'devices.push.insecure' | 'devices.push.unsupported' | null {
  if (!window.isSecureContext) return 'devices.push.insecure';
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    return 'devices.push.unsupported';
  }
  return null;
}

/** URL-safe base64 (how the server sends the VAPID key) → bytes for `applicationServerKey`. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** True when a subscription was made with this server key (else pushes to it would be refused). */
export function isSameKey(existing: ArrayBuffer | null, key: Uint8Array): boolean {
  if (!existing || existing.byteLength !== key.length) return false;
  const bytes = new Uint8Array(existing);
  return bytes.every((byte, i) => byte === key[i]);
}

// The list shows devices by user agent only; remembering our own id lets the page say "This device".

/** The id of this browser's device row, if push was enabled here. */
export function thisDeviceId(): string | null {
  try {
    return localStorage.getItem(THIS_DEVICE_KEY);
  } catch {
    return null;
  }
}

/** Remembers (or, with null, forgets) this browser's device id. */
export function rememberThisDevice(id: string | null): void {
  try {
    if (id) localStorage.setItem(THIS_DEVICE_KEY, id);
    else localStorage.removeItem(THIS_DEVICE_KEY);
  } catch {
    // Storage disabled: only the "This device" label is lost.
  }
}
