/** One option of the time zone select. */
export interface TimeZoneOption {
  value: string;
  label: string;
}

/** A group of options by region ("Europe", "America"…). */
export interface TimeZoneGroup {
  region: string;
  zones: TimeZoneOption[];
}

/** The region of zones outside any IANA region (`UTC`): the page names it in the reader's language. */
export const OTHER_REGION = 'Other';

/** The browser's own zone, offered as a shortcut. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "GMT+1", "GMT-5", "GMT" for the zone right now. */
export function currentOffset(zone: string): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date())
      .find((item) => item.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

/** "America/Argentina/Buenos_Aires" → "Argentina / Buenos Aires". */
function cityLabel(zone: string): string {
  const [, ...rest] = zone.split('/');
  return (rest.length > 0 ? rest.join(' / ') : zone).replaceAll('_', ' ');
}

let cached: TimeZoneGroup[] | undefined;

/**
 * Every IANA zone the browser knows, grouped by region, each with its current offset; `extra` (the
 * user's saved zone, e.g. "UTC") is kept even when the browser does not list it.
 *
 * @example
 * timeZoneGroups('UTC'); // [{ region: 'Africa', zones: [...] }, ..., { region: 'Other', zones: [{ value: 'UTC', ... }] }]
 */
export function timeZoneGroups(extra?: string): TimeZoneGroup[] {
  cached ??= group(Intl.supportedValuesOf('timeZone'));
  if (!extra || cached.some((g) => g.zones.some((zone) => zone.value === extra))) return cached;
  return [...cached, { region: OTHER_REGION, zones: [option(extra)] }];
}

function option(zone: string): TimeZoneOption {
  const offset = currentOffset(zone);
  return { value: zone, label: offset ? `${cityLabel(zone)} (${offset})` : cityLabel(zone) };
}

function group(zones: string[]): TimeZoneGroup[] {
  const byRegion = new Map<string, TimeZoneOption[]>();
  for (const zone of zones) {
    const region = zone.includes('/') ? zone.split('/')[0]! : OTHER_REGION;
    byRegion.set(region, [...(byRegion.get(region) ?? []), option(zone)]);
  }
  return [...byRegion].map(([region, items]) => ({ region, zones: items }));
}
