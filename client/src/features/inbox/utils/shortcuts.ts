import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../../i18n/messageIds';
/** What an inbox keyboard shortcut does. */
export type ShortcutAction = 'next' | 'previous' | 'open' | 'archive' | 'toggleRead' | 'help' | 'search' | 'select' | 'snooze' | 'delete' | 'clearSelection';

/** One shortcut as the help dialog lists it. */
export interface Shortcut {
  action: ShortcutAction;
  /** Keys as `KeyboardEvent.key` names them; the first is the one shown first. */
  keys: readonly string[];
  /** What it does, a message id. */
  description: MessageId;
  /**
   * Whether the inbox does it. Every key does today; a key reserved for a feature to come would be matched,
   * so nothing else takes it, but not listed and doing nothing until then.
   */
  available: boolean;
}

/** Every inbox shortcut, in the order the help dialog lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'next', keys: ['j'], description: 'inbox.shortcut.next', available: true },
  { action: 'previous', keys: ['k'], description: 'inbox.shortcut.previous', available: true },
  { action: 'open', keys: ['Enter', 'o'], description: 'inbox.shortcut.open', available: true },
  { action: 'archive', keys: ['e'], description: 'inbox.shortcut.archive', available: true },
  { action: 'toggleRead', keys: ['u'], description: 'inbox.shortcut.toggleRead', available: true },
  { action: 'select', keys: ['x'], description: 'inbox.shortcut.select', available: true },
  { action: 'snooze', keys: ['s'], description: 'inbox.shortcut.snooze', available: true },
  { action: 'delete', keys: ['#', 'Delete'], description: 'inbox.shortcut.delete', available: true },
  { action: 'clearSelection', keys: ['Escape'], description: 'inbox.shortcut.clearSelection', available: true },
  { action: 'help', keys: ['?'], description: 'inbox.shortcut.help', available: true },
  { action: 'search', keys: ['/'], description: 'inbox.shortcut.search', available: true },
];

/**
 * The names of the keys that are not one character, as the help shows them in the page's language
 * (« Entrée », « Suppr », « Échap » in French). A one-character key (`j`, `?`, `#`) is shown as it is.
 */
const KEY_NAMES: Readonly<Record<string, MessageId>> = {
  Enter: 'inbox.key.enter',
  Delete: 'inbox.key.delete',
  Escape: 'inbox.key.escape',
};

/**
 * How the help names `key` (a `KeyboardEvent.key` of SHORTCUTS) in `intl`'s language: a named key through
 * the catalogs, a one-character key as typed.
 *
 * @example
 * keyName('Enter', frenchIntl) // 'Entrée'
 * keyName('j', frenchIntl) // 'j'
 */
export function keyName(key: string, intl: Pick<IntlShape, 'formatMessage'>): string {
  const id = KEY_NAMES[key];
  return id ? intl.formatMessage({ id }) : key;
}

/** Keys typed with Shift on common layouts (`?`, `#`): Shift does not make them another key. */
const SHIFTED_KEYS: readonly string[] = ['?', '#'];

/** The parts of a keydown event that decide whether it is a shortcut. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** Where the key went: a text field keeps its keys. */
  target: EventTarget | null;
}

/** Inputs nobody types in (a row's selection checkbox): keys pressed there are still shortcuts. */
const UNTYPED_INPUTS: readonly string[] = ['checkbox', 'radio', 'button', 'submit', 'reset'];

/**
 * Whether keys pressed in `target` are someone typing: form fields and editable content keep their keys;
 * checkboxes, radios and input buttons do not (Escape on a row's checkbox still clears the selection).
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as { tagName?: string; type?: string; isContentEditable?: boolean } | null;
  if (!element?.tagName) return false;
  const tag = element.tagName.toUpperCase();
  if (tag === 'INPUT') return !UNTYPED_INPUTS.includes(element.type?.toLowerCase() ?? 'text');
  return ['TEXTAREA', 'SELECT'].includes(tag) || element.isContentEditable === true;
}

/**
 * The shortcut a key press asks for, or undefined: never while typing in a field, never with Ctrl, Cmd or Alt
 * (the browser's and the system's), and with Shift only where the key needs it (`?`, `#`), so `J` is not `j`.
 *
 * @example
 * shortcutFor({ key: 'j', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: document.body }) // 'next'
 */
export function shortcutFor(press: KeyPress): ShortcutAction | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey || isTypingTarget(press.target)) return undefined;
  if (press.shiftKey && !SHIFTED_KEYS.includes(press.key)) return undefined;
  return SHORTCUTS.find((shortcut) => shortcut.keys.includes(press.key))?.action;
}
