/** The inbox's keyboard shortcut matching (client/src/features/inbox/utils/shortcuts.ts). */
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { isTypingTarget, keyName, shortcutFor, SHORTCUTS, type KeyPress } from '../../../client/src/features/inbox/utils/shortcuts.js';
import en from '../../../shared/i18n/messages/en.json';
import fr from '../../../shared/i18n/messages/fr.json';

const body = { tagName: 'BODY', isContentEditable: false } as unknown as EventTarget;
const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  target: body,
  ...extra,
});

describe('shortcutFor', () => {
  it('maps the inbox keys to their actions', () => {
    expect(shortcutFor(press('j'))).toBe('next');
    expect(shortcutFor(press('k'))).toBe('previous');
    expect(shortcutFor(press('Enter'))).toBe('open');
    expect(shortcutFor(press('o'))).toBe('open');
    expect(shortcutFor(press('e'))).toBe('archive');
    expect(shortcutFor(press('u'))).toBe('toggleRead');
    expect(shortcutFor(press('?', { shiftKey: true }))).toBe('help');
    expect(shortcutFor(press('q'))).toBeUndefined();
  });

  it('maps x, s, # or Delete and Escape to select, snooze, delete and clear the selection, listed in the help', () => {
    expect(shortcutFor(press('x'))).toBe('select');
    expect(shortcutFor(press('s'))).toBe('snooze');
    // `#` is Shift+3 on many layouts: Shift does not make it another key, as for `?`.
    expect(shortcutFor(press('#', { shiftKey: true }))).toBe('delete');
    expect(shortcutFor(press('Delete'))).toBe('delete');
    expect(shortcutFor(press('Escape'))).toBe('clearSelection');
    expect(shortcutFor(press('X', { shiftKey: true }))).toBeUndefined();
    expect(shortcutFor(press('S', { shiftKey: true }))).toBeUndefined();
    const listed = SHORTCUTS.filter((shortcut) => shortcut.available).map((shortcut) => shortcut.action);
    expect(listed).toEqual(expect.arrayContaining(['select', 'snooze', 'delete', 'clearSelection']));
  });

  it('maps / to the search box, listed in the help', () => {
    expect(shortcutFor(press('/'))).toBe('search');
    expect(SHORTCUTS.find((shortcut) => shortcut.action === 'search')?.available).toBe(true);
  });

  it('still takes keys on a checkbox or an input button (a row’s selection checkbox), where nobody types', () => {
    for (const type of ['checkbox', 'radio', 'submit', 'button']) {
      const target = { tagName: 'INPUT', type } as unknown as EventTarget;
      expect(isTypingTarget(target)).toBe(false);
      expect(shortcutFor(press('Escape', { target }))).toBe('clearSelection');
    }
  });

  it('leaves keys with Ctrl, Cmd or Alt to the browser, and Shift unless the key needs it', () => {
    expect(shortcutFor(press('j', { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(press('e', { metaKey: true }))).toBeUndefined();
    expect(shortcutFor(press('u', { altKey: true }))).toBeUndefined();
    expect(shortcutFor(press('J', { shiftKey: true }))).toBeUndefined();
    expect(shortcutFor(press('Enter', { shiftKey: true }))).toBeUndefined();
    expect(shortcutFor(press('?', { shiftKey: true, ctrlKey: true }))).toBeUndefined();
  });

  it('never fires while typing in a field or editable content', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) {
      expect(shortcutFor(press('j', { target: { tagName } as unknown as EventTarget }))).toBeUndefined();
    }
    expect(shortcutFor(press('e', { target: { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget }))).toBeUndefined();
    for (const type of ['text', 'search', 'datetime-local', 'email']) {
      expect(shortcutFor(press('j', { target: { tagName: 'INPUT', type } as unknown as EventTarget }))).toBeUndefined();
    }
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
  });

  it('gives every key one action', () => {
    const keys = SHORTCUTS.flatMap((shortcut) => shortcut.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('keyName', () => {
  const english = createIntl({ locale: 'en', messages: en });
  const french = createIntl({ locale: 'fr-FR', messages: { ...en, ...fr } });

  it('names Enter, Delete and Escape in the page’s language, and shows one-character keys as they are', () => {
    expect(['Enter', 'Delete', 'Escape'].map((key) => keyName(key, french))).toEqual(['Entrée', 'Suppr', 'Échap']);
    expect(['Enter', 'Delete', 'Escape'].map((key) => keyName(key, english))).toEqual(['Enter', 'Delete', 'Escape']);
    expect(['j', '?', '#', '/'].map((key) => keyName(key, french))).toEqual(['j', '?', '#', '/']);
  });

  it('has a French name for every key of the help longer than one character', () => {
    const named = SHORTCUTS.flatMap((shortcut) => shortcut.keys).filter((key) => key.length > 1);
    for (const key of named) expect(keyName(key, french), key).not.toBe(key);
  });
});
