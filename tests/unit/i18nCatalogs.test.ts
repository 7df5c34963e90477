/**
 * The message catalogs (shared/i18n/messages/<locale>.json) stay in step: every language has exactly the
 * source's keys, every message is valid ICU MessageFormat with the source's arguments, and every key is
 * used somewhere (a message nobody shows is a translation nobody needs). A new language is one more file:
 * these tests cover it without a change.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogFor, DEFAULT_LOCALE, normalizeLocale, pickLocale } from '../../shared/i18n/locales.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MESSAGES_DIR = path.join(ROOT, 'shared/i18n/messages');

const catalogs = new Map(
  readdirSync(MESSAGES_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(MESSAGES_DIR, file), 'utf8')) as Record<string, string>]),
);
const source = catalogs.get(DEFAULT_LOCALE)!;

/** Each argument a message uses, with its kind (`plural`, `select`, `argument`, `date`…): `count:plural`. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
      continue;
    }
    into.add(`${element.value}:${TYPE[element.type]}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

function sourceFiles(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'generated' || name === 'node_modules') continue;
    if (statSync(full).isDirectory()) sourceFiles(full, into);
    else if (/\.(tsx?|hbs|js)$/.test(name)) into.push(full);
  }
  return into;
}

describe('message catalogs', () => {
  it('has the source language and at least one other', () => {
    expect(source).toBeDefined();
    expect(catalogs.size).toBeGreaterThan(1);
  });

  for (const [locale, messages] of catalogs) {
    it(`${locale}: the same keys as ${DEFAULT_LOCALE}`, () => {
      const missing = Object.keys(source).filter((key) => !(key in messages));
      const extra = Object.keys(messages).filter((key) => !(key in source));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${locale}: every message is ICU MessageFormat with the source's arguments`, () => {
      const problems: string[] = [];
      for (const [key, message] of Object.entries(messages)) {
        if (typeof message !== 'string' || message.trim() === '') {
          problems.push(`${key}: empty`);
          continue;
        }
        try {
          const own = [...argumentsOf(parse(message))].sort();
          const expected = [...argumentsOf(parse(source[key] ?? ''))].sort();
          if (own.join() !== expected.join()) problems.push(`${key}: arguments ${own.join(', ')} ≠ ${expected.join(', ')}`);
        } catch (err) {
          problems.push(`${key}: ${(err as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('every key is used by the server, its templates or the client', () => {
    const code = [...sourceFiles(path.join(ROOT, 'server')), ...sourceFiles(path.join(ROOT, 'client/src')), ...sourceFiles(path.join(ROOT, 'client/public'))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(source).filter((key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`));
    expect(unused).toEqual([]);
  });

  it('fr: French punctuation keeps its sign on the line (no-break space before : ; ? ! » and after «), not in SMS', () => {
    // A plain space lets a line start with "?" or ":" when the text wraps; U+00A0 (or U+202F) does not. SMS
    // texts keep plain spaces: a no-break space is outside GSM-7 and would make every SMS UCS-2 (70 characters
    // a segment instead of 160).
    const french = catalogs.get('fr')!;
    const loose = Object.entries(french).filter(([key, message]) => !key.startsWith('sms.') && /[ \t][:;?!»]|«[ \t]/.test(message));
    expect(loose.map(([key]) => key)).toEqual([]);
    const sms = Object.entries(french).filter(([key, message]) => key.startsWith('sms.') && /[\u00a0\u202f]/.test(message));
    expect(sms.map(([key]) => key)).toEqual([]);
  });

  it('every key the email templates use exists', () => {
    const templates = sourceFiles(path.join(ROOT, 'server/channels/email/templates'));
    const used = templates.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/[({]t "([^"]+)"/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((key) => !(key in source))).toEqual([]);
  });
});

describe('locale negotiation', () => {
  it('picks the first wanted language with a catalog, keeping its region', () => {
    expect(pickLocale(['de-DE', 'fr-CA', 'en'], ['en', 'fr'])).toBe('fr-CA');
    expect(pickLocale(['de', 'it'], ['en', 'fr'])).toBe(DEFAULT_LOCALE);
    expect(pickLocale(['*', 'FR_fr'], ['en', 'fr'])).toBe('fr-FR');
  });

  it('serves a region from its language catalog, an exact catalog first', () => {
    expect(catalogFor('fr-CA', ['en', 'fr'])).toBe('fr');
    expect(catalogFor('pt-BR', ['en', 'pt', 'pt-BR'])).toBe('pt-BR');
    expect(catalogFor('de', ['en', 'fr'])).toBeUndefined();
  });

  it('normalizes tags and refuses what is not one', () => {
    expect(normalizeLocale('en-US-u-ca-buddhist')).toBe('en-US');
    expect(normalizeLocale('zh-Hant-TW')).toBe('zh');
    expect(normalizeLocale('*')).toBeUndefined();
    expect(normalizeLocale('i-klingon')).toBeUndefined();
  });
});
