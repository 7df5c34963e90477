/**
 * Registers `/sw.js` (scope `/`), which shows Web Push messages; browsers without service workers skip
 * it. Registration alone asks for nothing: permission is requested only on the Devices page.
 *
 * @example
 * registerServiceWorker(); // in main.tsx
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      // The app works without it; only push on this device is unavailable.
      console.warn('Service worker registration failed', error);
    });
  };
  // After load, so the worker's first fetches do not compete with the app's own.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
