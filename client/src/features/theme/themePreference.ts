/** The themes a user can pick: follow the system's scheme, or always light or dark. */
export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const;

/** One of {@link THEME_PREFERENCES}. */
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

/** localStorage key of the pick; client/public/theme-init.js reads the same key before the first paint. */
export const THEME_STORAGE_KEY = 'flashnotify.theme';

/**
 * Applies a pick to the page: `data-theme` on <html> for light or dark (tokens.css sets `color-scheme` from
 * it), none for the system's scheme — as theme-init.js does on load.
 */
export function applyThemePreference(preference: ThemePreference, root: HTMLElement = document.documentElement): void {
  if (preference === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', preference);
}
