import { createContext, useContext, type ComponentType } from 'react';
import type { NotificationDto, UndoTicket } from '@shared/schemas/notification';

/** An action the server can revert, just done: what the toast with "Undo" says and reverts. */
export interface UndoOffer {
  /** What was done: archived, deleted, or marked read. */
  action: 'archive' | 'delete' | 'read';
  /** How many notifications it changed. */
  count: number;
  /** The answers' tickets (one per request: a large selection goes in several). */
  tickets: UndoTicket[];
}

/**
 * The keys the page's extension handles (see utils/shortcuts.ts). `archive` is asked first and, when the
 * extension has nothing to do with it (no selection), archives the focused row as in the host pages.
 */
export type ExtensionShortcut = 'select' | 'snooze' | 'archive' | 'delete' | 'clearSelection';

/** Props of the per-row extension slots. */
export interface RowSlotProps {
  item: NotificationDto;
}

/**
 * What the app's inbox page adds to the shared inbox components (InboxView, NotificationList,
 * NotificationItem): bulk selection, pin, snooze, delete and Undo toasts. The React components for host
 * pages render the same components without them (their bundle budget; and Undo needs the app's toasts), so
 * every slot is optional and the shared components render nothing in its place.
 */
export interface InboxExtensions {
  /** Before the row's content: its selection checkbox. */
  RowStart?: ComponentType<RowSlotProps>;
  /** In the row's meta line: its pinned and snoozed state. */
  RowMeta?: ComponentType<RowSlotProps>;
  /** After the row's read and archive buttons: pin, snooze, delete. */
  RowActions?: ComponentType<RowSlotProps>;
  /** At the top of the list panel: the bulk toolbar. */
  ListTop?: ComponentType;
  /** An action was answered with an undo ticket: offer to revert it. */
  offerUndo?: (offer: UndoOffer) => void;
  /** A key for the extension on the focused row (or none); false when there was nothing to do. */
  onShortcut?: (action: ExtensionShortcut, row: HTMLElement | null) => boolean;
}

/** The extensions of the inbox on screen; none by default. */
export const InboxExtensionsContext = createContext<InboxExtensions>({});

/** The extensions the inbox components run with (none in the React components for hosts). */
export function useInboxExtensions(): InboxExtensions {
  return useContext(InboxExtensionsContext);
}
