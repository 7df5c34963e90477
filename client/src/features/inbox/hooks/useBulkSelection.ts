import { useCallback, useMemo, useState } from 'react';
import type { NotificationDto } from '@shared/schemas/notification';
import { useNotifications } from '../api/getNotifications';
import type { BulkTarget } from '../api/bulkAction';
import { normalizeFilters, type InboxFilters } from '../utils/filters';
import { bulkFilterOf, keepShown, selectRange, toggleSelected } from '../utils/selection';

interface SelectionState {
  ids: ReadonlySet<string>;
  /** The row last checked or unchecked: one end of a shift-click range. */
  anchor?: string;
  /** "Everything in this view": the highest seq it showed when chosen (what newer arrivals are not part of). */
  wholeViewUpTo?: number;
}

const NOTHING: SelectionState = { ids: new Set() };

/** The bulk selection of one inbox view, as the toolbar and the rows use it. */
export interface BulkSelection {
  /** How many rows are selected (the loaded ones; see `wholeView`). */
  count: number;
  /** Everything in the view is selected, loaded or not (up to what it showed when chosen). */
  wholeView: boolean;
  /** Every loaded row is selected. */
  allShown: boolean;
  /** More of the view than is loaded exists: "Select all in this view" means more than the rows. */
  moreInView: boolean;
  isSelected: (item: NotificationDto) => boolean;
  /** Checks or unchecks a row; with `range`, every row from the last one clicked (in `order`, as shown) too. */
  toggle: (id: string, checked: boolean, range?: { order: readonly string[] }) => void;
  /** Checks every loaded row, or none. */
  setAllShown: (checked: boolean) => void;
  selectWholeView: () => void;
  clear: () => void;
  /** What a bulk action now applies to; undefined when nothing is selected. */
  target: () => BulkTarget | undefined;
}

/**
 * The rows selected in one inbox view for bulk actions. It survives live inserts (new rows come in
 * unselected) and loses the rows that leave the view (archived, deleted, snoozed, here or in another tab);
 * another view (tab, category…) starts with nothing selected.
 *
 * @example
 * const selection = useBulkSelection(filters);
 * selection.toggle(item.id, true, { order: idsAsShown });
 */
export function useBulkSelection(filters: InboxFilters): BulkSelection {
  const { data, hasNextPage } = useNotifications(filters);
  const items = useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
  const shown = useMemo(() => new Set(items.map((item) => item.id)), [items]);
  const [state, setState] = useState<SelectionState>(NOTHING);

  // A new view starts empty (state adjusted while rendering, React's pattern for "reset on a prop change").
  const viewKey = JSON.stringify(normalizeFilters(filters));
  const [heldView, setHeldView] = useState(viewKey);
  if (heldView !== viewKey) {
    setHeldView(viewKey);
    setState(NOTHING);
  }
  // Rows that left the view leave the selection (and do not come back selected with an undo).
  const kept = keepShown(state.ids, shown);
  if (kept !== state.ids) setState({ ...state, ids: kept });

  const { ids, wholeViewUpTo } = state;
  const isSelected = useCallback(
    (item: NotificationDto) => ids.has(item.id) || (wholeViewUpTo !== undefined && item.seq <= wholeViewUpTo),
    [ids, wholeViewUpTo],
  );
  const allShown = items.length > 0 && items.every(isSelected);

  return {
    count: items.filter(isSelected).length,
    wholeView: wholeViewUpTo !== undefined,
    allShown,
    moreInView: Boolean(hasNextPage),
    isSelected,
    toggle: (id, checked, range) =>
      setState((current) => {
        // Unchecking one row of "everything in this view" leaves the loaded rows it covered but that one.
        const base = withWholeView(current, items);
        return { ids: range ? selectRange(range.order, current.anchor, id, base, checked) : toggleSelected(base, id, checked), anchor: id };
      }),
    setAllShown: (checked) => setState(checked ? { ids: new Set(shown) } : NOTHING),
    selectWholeView: () => setState({ ids: new Set(shown), wholeViewUpTo: Math.max(...items.map((item) => item.seq)) }),
    clear: () => setState(NOTHING),
    target: () => {
      if (wholeViewUpTo !== undefined) {
        const covered = items.filter((item) => item.seq <= wholeViewUpTo).map((item) => item.id);
        return { filter: bulkFilterOf(filters), upToSeq: wholeViewUpTo, shown: covered };
      }
      const selected = items.filter((item) => ids.has(item.id)).map((item) => item.id);
      return selected.length > 0 ? { ids: selected } : undefined;
    },
  };
}

/** The ids a selection stands for once it is no longer "everything in this view": the loaded rows it covers. */
function withWholeView(state: SelectionState, items: readonly NotificationDto[]): ReadonlySet<string> {
  if (state.wholeViewUpTo === undefined) return state.ids;
  const upTo = state.wholeViewUpTo;
  return new Set(items.filter((item) => item.seq <= upTo).map((item) => item.id));
}
