import { useEffect, useEffectEvent, useState, type RefObject } from 'react';
import { useUpdateNotification } from '../api/updateNotification';
import { useInboxExtensions, type ExtensionShortcut } from '../components/inboxExtensions';
import { ROW } from '../utils/rows';
import { shortcutFor, type ShortcutAction } from '../utils/shortcuts';

/** The search box (SearchBox on the app's page), so `/` focuses it: `<input data-shortcut="search" …>`. */
const SEARCH_TARGET = '[data-shortcut="search"]';

/**
 * The inbox's keyboard shortcuts (utils/shortcuts.ts) on the rows inside `container`: j/k move the focus
 * from row to row (the focused row's title is its accessible name), Enter/o open the focused row as a click
 * on its link does, e archives or unarchives it, u marks it read or unread, / goes to the search box, ? opens
 * the help; x (select), s (snooze), # or Delete (delete) and Escape (clear the selection) are the page's
 * extension's (InboxExtensions.onShortcut; nothing without one), and e is the extension's first when it has a
 * selection to archive. A row that leaves the list after e, u or
 * delete (archived out of "All", read out of "Unread") hands the focus to the next one. Keys pressed in a
 * field, in a dialog (the bell's, the help, the snooze menu) or with Ctrl/Cmd/Alt are left alone.
 *
 * @example
 * const { helpOpen, openHelp, closeHelp } = useInboxShortcuts(panelRef);
 */
export function useInboxShortcuts(container: RefObject<HTMLElement | null>, enabled = true) {
  const [helpOpen, setHelpOpen] = useState(false);
  const { mutate } = useUpdateNotification();
  const { onShortcut } = useInboxExtensions();
  const extension = useEffectEvent((action: ExtensionShortcut, row: HTMLElement | null) => onShortcut?.(action, row) ?? false);

  useEffect(() => {
    if (!enabled) return;
    const focusSoon = followFocus(container);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || (event.target as Element | null)?.closest?.('dialog, [role="dialog"]')) return;
      const action = shortcutFor(event);
      if (!action || !container.current) return;
      const rows = [...container.current.querySelectorAll<HTMLElement>(ROW)];
      const current = document.activeElement?.closest<HTMLElement>(ROW) ?? null;
      const handled = run(action, { rows, current, event, mutate, openHelp: () => setHelpOpen(true), focusSoon, extension });
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      focusSoon.stop();
    };
  }, [container, enabled, mutate]);

  return { helpOpen, openHelp: () => setHelpOpen(true), closeHelp: () => setHelpOpen(false) };
}

interface RunContext {
  rows: HTMLElement[];
  current: HTMLElement | null;
  event: KeyboardEvent;
  mutate: ReturnType<typeof useUpdateNotification>['mutate'];
  openHelp: () => void;
  focusSoon: ReturnType<typeof followFocus>;
  extension: (action: ExtensionShortcut, row: HTMLElement | null) => boolean;
}

/** Does what `action` asks; false when there was nothing to do (the key then keeps its default). */
function run(action: ShortcutAction, { rows, current, event, mutate, openHelp, focusSoon, extension }: RunContext): boolean {
  const index = current ? rows.indexOf(current) : -1;
  const neighbour = rows[index + 1] ?? rows[index - 1];
  switch (action) {
    case 'next':
    case 'previous': {
      const step = action === 'next' ? 1 : -1;
      const target = index === -1 ? rows[0] : rows[Math.min(Math.max(index + step, 0), rows.length - 1)];
      target?.focus();
      return target !== undefined;
    }
    case 'open': {
      // Enter on a link or button inside the row is theirs: only Enter on the row itself opens it here.
      if (!current || (event.key === 'Enter' && event.target !== current)) return false;
      const link = current.querySelector<HTMLAnchorElement>('a.notification__link');
      if (link) link.click();
      else if (current.dataset.read === 'false') mutate({ id: current.dataset.id!, patch: { read: true } });
      return true;
    }
    case 'archive':
    case 'toggleRead': {
      // With rows selected, e archives the selection (the extension's bulk path), as in Gmail and Linear.
      if (action === 'archive' && extension(action, current)) return true;
      if (!current) return false;
      focusSoon.arm(current, neighbour);
      const id = current.dataset.id!;
      if (action === 'archive') mutate({ id, patch: { archived: current.dataset.archived !== 'true' } });
      else mutate({ id, patch: { read: current.dataset.read !== 'true' } });
      return true;
    }
    case 'help':
      openHelp();
      return true;
    case 'search': {
      const search = document.querySelector<HTMLElement>(SEARCH_TARGET);
      search?.focus();
      return search !== null;
    }
    case 'delete': {
      // The extension deletes the selection when there is one, else the focused row.
      if (current) focusSoon.arm(current, neighbour);
      return extension(action, current);
    }
    case 'select':
    case 'snooze':
    case 'clearSelection':
      return extension(action, current);
  }
}

/**
 * Moves the focus to a neighbour once the row that had it leaves the list (the optimistic update removes it
 * a few ticks after the key press), so the keyboard user keeps their place instead of landing on <body>.
 */
function followFocus(container: RefObject<HTMLElement | null>) {
  let pending: { row: HTMLElement; next: HTMLElement | undefined } | undefined;
  const observer = new MutationObserver(() => {
    if (!pending || pending.row.isConnected) return;
    const { next } = pending;
    pending = undefined;
    if (next?.isConnected && (document.activeElement === document.body || document.activeElement === null)) next.focus();
  });
  return {
    arm(row: HTMLElement, next: HTMLElement | undefined) {
      pending = { row, next };
      if (container.current) observer.observe(container.current, { childList: true, subtree: true });
    },
    stop: () => observer.disconnect(),
  };
}
