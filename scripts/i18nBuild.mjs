// Message catalogs in the browser bundles, compiled ahead (FormatJS's recommended set-up:
// https://formatjs.github.io/docs/guides/advanced-usage#pre-compiling-messages). Each import of
// shared/i18n/messages/<locale>.json becomes a module of ICU ASTs instead of strings, and the ICU parser is
// replaced by FormatJS's parser-less entry, so browsers download neither the parser (~11 KB gzip) nor the
// parse work. `?keys=<prefix>` on the import keeps only the keys starting with it (the embeddable element
// takes its own `embed.*` messages, not the whole app's); `drop` leaves out whole namespaces a bundle never shows
// (the server's emails and pages from every bundle, the app's own pages from the React components').
// Plain JavaScript: build.mjs and vite.config.ts load it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from '@formatjs/icu-messageformat-parser';

const CATALOG = /[\\/]shared[\\/]i18n[\\/]messages[\\/][^\\/]+\.json$/;
const PREFIX = '\0flashnotify-messages:';
const parserless = createRequire(import.meta.url).resolve('@formatjs/icu-messageformat-parser/no-parser.js');

/** Namespaces only the server shows (emails, SMS, push, its pages): in no browser bundle. */
export const SERVER_ONLY = ['email.', 'digest.', 'account.hello', 'account.linkExpiry', 'passwordReset.', 'invitation.', 'sms.', 'push.', 'unsubscribe.', 'emailAction.', 'page.', 'slack.', 'teams.', 'whatsapp.'];

/** The embeddable element's own messages (it takes them with `?keys=embed.`): in neither the app nor the React components. */
export const ELEMENT_ONLY = ['embed.'];

/**
 * The Vite plugin: precompiled catalogs, and `@formatjs/icu-messageformat-parser` resolved to its
 * `no-parser` entry (which throws if a string message ever reaches it: every message is an AST here).
 *
 * @param {{ drop?: string[] }} [options] key prefixes to leave out (SERVER_ONLY by default)
 * @returns {import('vite').Plugin}
 */
export function precompiledMessages({ drop = SERVER_ONLY } = {}) {
  return {
    name: 'flashnotify-precompiled-messages',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source === '@formatjs/icu-messageformat-parser') return parserless;
      const [file, query = ''] = source.split('?');
      if (!file.endsWith('.json')) return null;
      const resolved = await this.resolve(file, importer, { ...options, skipSelf: true });
      if (!resolved || !CATALOG.test(resolved.id)) return null;
      return `${PREFIX}${resolved.id}?${query}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const [file, query] = id.slice(PREFIX.length).split('?');
      const prefix = new URLSearchParams(query).get('keys') ?? '';
      this.addWatchFile(file);
      const messages = JSON.parse(readFileSync(file, 'utf8'));
      const compiled = Object.fromEntries(
        Object.entries(messages)
          .filter(([key]) => key.startsWith(prefix) && !drop.some((dropped) => key.startsWith(dropped)))
          .map(([key, message]) => [key, parse(message)]),
      );
      return `export default ${JSON.stringify(compiled)};`;
    },
  };
}
