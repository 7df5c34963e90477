/**
 * A language's name in that language, capitalized as a menu item (`fr` → "Français", `en-GB` → "British
 * English"), from the browser's CLDR data (Intl.DisplayNames); the tag itself where the browser has no name.
 */
export function languageName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
