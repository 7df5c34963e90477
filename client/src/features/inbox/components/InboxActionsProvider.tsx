import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { BulkAction, NotificationDto } from '@shared/schemas/notification';
import { useBulkSelection, type BulkSelection } from '../hooks/useBulkSelection';
import { useUndoToasts } from '../hooks/useUndoToasts';
import type { InboxFilters } from '../utils/filters';
import { findInLists } from '../utils/listCache';
import { focusFirstRowExcept } from '../utils/rows';
import { offersSnoozeMenu } from '../utils/snoozeMenu';
import { BulkToolbar } from './BulkToolbar';
import { InboxExtensionsContext, type ExtensionShortcut, type InboxExtensions } from './inboxExtensions';
import { RowExtraActions, RowSelect, RowState } from './RowExtras';
import { SnoozeDialog, type SnoozeRequest } from './SnoozeDialog';
import './actions.css';

/** What the row extras and the bulk toolbar share with the page. */
interface InboxActionsState {
  filters: InboxFilters;
  selection: BulkSelection;
  /** Opens the snooze menu for `item`; the focus goes back to `opener` (or beside its row if the item leaves the view). */
  openSnooze: (item: NotificationDto, opener: HTMLElement) => void;
}

const InboxActionsContext = createContext<InboxActionsState | null>(null);

/** The page's actions state (inside InboxActionsProvider only). */
export function useInboxActions(): InboxActionsState {
  const state = useContext(InboxActionsContext);
  if (!state) throw new Error('useInboxActions outside InboxActionsProvider');
  return state;
}

/**
 * Clicks a row's own control (its checkbox, its delete button): the same path as the mouse (the shift-click
 * anchor follows the keyboard; the delete offers Undo from inside the extensions it reads). False when the
 * row has none.
 */
function pressRowControl(row: HTMLElement | null, selector: string): boolean {
  const control = row?.querySelector<HTMLElement>(selector);
  control?.click();
  return Boolean(control);
}

/**
 * Clicks the bulk toolbar's button for the first of `actions` it shows (Archive, or Unarchive in the Archived
 * view): the toolbar's own path, so the keys act on the selection as its buttons do (one request per batch,
 * the Undo toast, the selection cleared, the focus kept in the list). False when the toolbar is not shown.
 */
function pressBulkButton(actions: readonly BulkAction[]): boolean {
  const toolbar = document.querySelector('[data-testid="bulk-toolbar"]');
  const button = actions.map((action) => toolbar?.querySelector<HTMLElement>(`[data-bulk-action="${action}"]`)).find(Boolean);
  button?.click();
  return Boolean(button);
}

/**
 * The app's inbox page's actions on notifications, around its InboxView: a selection checkbox, pin, snooze
 * and delete on each row, the bulk toolbar, the snooze menu, Undo toasts for archive, delete and "mark all
 * read", and the x, s, #/Delete and Escape keys (through InboxExtensions); with rows selected, e and
 * #/Delete act on the selection through the toolbar.
 *
 * @example
 * <InboxActionsProvider filters={filters}><InboxView … shortcuts /></InboxActionsProvider>
 */
export function InboxActionsProvider({ filters, children }: { filters: InboxFilters; children: ReactNode }) {
  const queryClient = useQueryClient();
  const selection = useBulkSelection(filters);
  const offerUndo = useUndoToasts();
  const [snooze, setSnooze] = useState<SnoozeRequest | null>(null);
  const openSnooze = useCallback((item: NotificationDto, opener: HTMLElement) => setSnooze({ item, opener }), []);

  const handleShortcut = (action: ExtensionShortcut, row: HTMLElement | null): boolean => {
    const id = row?.dataset.id;
    switch (action) {
      case 'archive':
        // Only a selection is the extension's: without one, the keyboard hook archives the focused row.
        return selection.count > 0 && pressBulkButton(['archive', 'unarchive']);
      case 'delete':
        if (selection.count > 0) return pressBulkButton(['delete']);
        return pressRowControl(row, '[data-row-delete]');
      case 'select':
        return pressRowControl(row, '[data-row-select]');
      case 'snooze': {
        const item = id ? findInLists(queryClient, id) : undefined;
        // Only where the row's buttons offer it (not on an archived row).
        if (!item || !row || !offersSnoozeMenu(item)) return false;
        openSnooze(item, row);
        return true;
      }
      case 'clearSelection': {
        if (selection.count === 0) return false;
        // The toolbar goes with the selection: a focus inside it moves to the list.
        const focused = document.activeElement;
        if (focused?.closest('[data-testid="bulk-toolbar"]')) focusFirstRowExcept(focused, new Set());
        selection.clear();
        return true;
      }
    }
  };
  // The keyboard hook calls the latest handler through a stable function (its listener is registered once).
  const shortcutRef = useRef(handleShortcut);
  useLayoutEffect(() => {
    shortcutRef.current = handleShortcut;
  });
  const onShortcut = useCallback((action: ExtensionShortcut, row: HTMLElement | null) => shortcutRef.current(action, row), []);

  const extensions = useMemo<InboxExtensions>(
    () => ({ RowStart: RowSelect, RowMeta: RowState, RowActions: RowExtraActions, ListTop: BulkToolbar, offerUndo, onShortcut }),
    [offerUndo, onShortcut],
  );
  const state: InboxActionsState = { filters, selection, openSnooze };

  return (
    <InboxExtensionsContext.Provider value={extensions}>
      <InboxActionsContext.Provider value={state}>
        {children}
        <SnoozeDialog request={snooze} filters={filters} onDone={() => setSnooze(null)} />
      </InboxActionsContext.Provider>
    </InboxExtensionsContext.Provider>
  );
}
