import type { IntlShape } from 'react-intl';

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux".
const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux|X11/, 'Linux'],
];

/**
 * A User-Agent header as people name their devices, in the reader's language (browser and system names
 * are brands, the same in every language).
 *
 * @example
 * describeUserAgent(intl, 'Mozilla/5.0 (X11; Linux x86_64) … Chrome/131.0.0.0 Safari/537.36'); // "Chrome on Linux"
 */
export function describeUserAgent(intl: IntlShape, userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return intl.formatMessage({ id: 'devices.userAgent.browserOnSystem' }, { browser, system });
  if (browser) return browser;
  return system ? intl.formatMessage({ id: 'devices.userAgent.someBrowserOn' }, { system }) : intl.formatMessage({ id: 'devices.userAgent.unknown' });
}
