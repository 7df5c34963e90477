/** One SMTP relay from `SMTP_URL`: its URL (may carry a password) and its public provider name. */
export interface SmtpRelay {
  url: string;
  /**
   * `smtp:<host>:<port>` (port as nodemailer would use it: 465 for smtps://, 587 otherwise): stable and free
   * of secrets, since it appears in the attempt log, metric labels and the admin UI.
   */
  name: string;
}

/**
 * Parses `SMTP_URL`: one relay, or several separated by commas in failover order (the first is preferred;
 * a comma inside a password must be written `%2C`). Each must be an smtp:// or smtps:// URL with a host,
 * and no two may have the same host and port (their names would collide).
 *
 * @throws Error naming the faulty entry (without its password) when one is malformed or repeated
 * @example
 * parseSmtpRelays('smtp://relay1.example.com:587,smtps://u:p@relay2.example.com')
 * // → [{ url: 'smtp://relay1…', name: 'smtp:relay1.example.com:587' }, { url: 'smtps://u:p@relay2…', name: 'smtp:relay2.example.com:465' }]
 */
export function parseSmtpRelays(value: string): SmtpRelay[] {
  const entries = value.split(',').map((entry) => entry.trim());
  const relays = entries.map((entry, index) => {
    const where = entries.length > 1 ? `Relay ${index + 1}: ` : '';
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`${where}Must be an smtp:// or smtps:// URL`);
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`${where}Must start with smtp:// or smtps://`);
    if (!url.hostname) throw new Error(`${where}Must name a host`);
    // As nodemailer reads the URL: query options override the scheme and the port (`?secure=true` is TLS on
    // 465), and the host is case-insensitive (it connects to the lower-cased name; smtp: URLs keep the case).
    const secure = url.searchParams.get('secure') ?? String(url.protocol === 'smtps:');
    const port = url.searchParams.get('port') || url.port || (secure === 'true' ? '465' : '587');
    return { url: entry, name: `smtp:${url.hostname.toLowerCase()}:${port}` };
  });
  const names = relays.map((relay) => relay.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) throw new Error(`${repeated} is listed twice`);
  return relays;
}
