/**
 * The inbox rows in the page (NotificationItem: `<li data-testid="notification-item" data-id=…>`, focusable
 * by script), found from any element inside the list panel: for shift-click ranges in the order shown, and
 * to keep the keyboard focus in the list when a row leaves it.
 */

/** Selector of an inbox row. */
export const ROW = '[data-testid="notification-item"]';

/** Every row of the list `element` is in (the whole page's outside a panel), in the order shown. */
function rowsNear(element: Element): HTMLElement[] {
  const panel = element.closest('.inbox__panel') ?? element.ownerDocument;
  return [...panel.querySelectorAll<HTMLElement>(ROW)];
}

/** The ids of the rows of the list `element` is in, in the order shown. */
export function shownOrder(element: Element): string[] {
  return rowsNear(element).map((row) => row.dataset.id ?? '');
}

/** The row after `row`, else the one before: where the focus goes when `row` leaves the list. */
export function neighbourRow(row: HTMLElement): HTMLElement | undefined {
  const rows = rowsNear(row);
  const index = rows.indexOf(row);
  return index === -1 ? undefined : (rows[index + 1] ?? rows[index - 1]);
}

/** The page's main region (focusable by script): where the focus goes when the list has nothing left to hold it. */
const mainOf = (element: Element) => element.ownerDocument.querySelector<HTMLElement>('main');

/**
 * Moves the focus off `element`'s row before that row leaves the list (deleted, snoozed or woken from
 * there), to the row beside it (the page's main region when it was the only one), so a keyboard user keeps
 * their place instead of landing on the page's top.
 */
export function focusBesideRow(element: Element): void {
  const row = element.closest<HTMLElement>(ROW);
  if (row) (neighbourRow(row) ?? mainOf(row))?.focus();
}

/** The first row not in `leaving` (or the page's main region): where the focus goes when the bulk toolbar goes. */
export function focusFirstRowExcept(element: Element, leaving: ReadonlySet<string>): void {
  const target = rowsNear(element).find((row) => !leaving.has(row.dataset.id ?? '')) ?? mainOf(element);
  target?.focus();
}
