// Applies the theme the user picked (ThemeSwitch) before the first paint, so a dark page never flashes
// light. A file, not an inline script: the Content-Security-Policy (helmet's `script-src 'self'`) refuses
// inline scripts. Loaded without `defer` or `type="module"` on purpose: it must run before <body> renders.
// Keep the key and values in step with client/src/features/theme/themePreference.ts.
(function () {
  try {
    var theme = window.localStorage.getItem('flashnotify.theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
  } catch {
    // Storage disabled (privacy settings): the system's scheme applies.
  }
})();
