import { useCallback, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import clsx from 'clsx';
import { Keyboard } from 'lucide-react';
import { useStoredChoice } from '../../../hooks/useStoredChoice';
import { useViewCounts } from '../api/getCounts';
import { useInboxShortcuts } from '../hooks/useInboxShortcuts';
import { useSearchHighlight } from '../hooks/useSearchHighlight';
import { useInboxExtensions } from './inboxExtensions';
import type { ViewFilters } from '../utils/filters';
import { CategorySelect } from './CategorySelect';
import { DENSITIES, DensityToggle } from './DensityToggle';
import { InboxTabs, tabId } from './InboxTabs';
import { MarkAllReadButton } from './MarkAllReadButton';
import { NotificationList } from './NotificationList';
import { PinnedFilter } from './PinnedFilter';
import { SearchBox } from './SearchBox';
import { ShortcutsDialog } from './ShortcutsDialog';
import './inbox.css';
import './compact.css';

const PANEL_ID = 'inbox-panel';

/** What the inbox view shows and where its filter changes go (the URL in the app, state in a host page). */
export interface InboxViewProps {
  filters: ViewFilters;
  /**
   * A person changed a filter (tab, category, search, pinned): the caller applies it with changeFilters,
   * which keeps the combination valid (no search in the snoozed view).
   */
  onFiltersChange: (change: Partial<ViewFilters>) => void;
  /** The title's heading level: the app's page has its h1; a host page usually has its own. */
  headingLevel?: 1 | 2;
  /** Whether the page's keys drive the inbox (j/k, e, u, /, ?…): the app's page, not a host's page it is part of. */
  shortcuts?: boolean;
}

/**
 * The inbox: density and "Mark all as read" in its header, then search and the pinned filter, tabs and the
 * category filter, and the live list — the app's page at `/` and the embedded `<NotificationFeed/>` alike.
 * Under a category filter the header, the Unread tab's count and the button all speak of that category (the
 * bell stays global), so a category with nothing unread says so and offers nothing to mark. The search and
 * the pinned filter narrow the list only: the counts stay the category's.
 */
export function InboxView({ filters, onFiltersChange, headingLevel = 1, shortcuts = false }: InboxViewProps) {
  const intl = useIntl();
  const { data: counts } = useViewCounts(filters.category);
  const unread = counts?.unread ?? 0;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const [density, setDensity] = useStoredChoice('flashnotify.density', DENSITIES, 'comfortable');
  const panelRef = useRef<HTMLElement>(null);
  const { helpOpen, openHelp, closeHelp } = useInboxShortcuts(panelRef, shortcuts);
  useSearchHighlight(panelRef, filters.q);
  const { ListTop } = useInboxExtensions();
  // Stable callbacks: the search box's debounce restarts when its `onChange` changes.
  const setQuery = useCallback((q: string) => onFiltersChange({ q }), [onFiltersChange]);
  const clearSearch = useCallback(() => onFiltersChange({ q: undefined }), [onFiltersChange]);

  return (
    <div className={clsx('inbox', `inbox--${density}`)}>
      <header className="page-header">
        <div>
          <Heading className="page-header__title">
            <FormattedMessage id="inbox.title" />
          </Heading>
          <p className="page-header__subtitle" data-testid="inbox-summary">
            {counts === undefined ? '\u00a0' : intl.formatMessage({ id: filters.category ? 'inbox.summaryInCategory' : 'inbox.summary' }, { unread })}
          </p>
        </div>
        <div className="page-header__actions">
          {shortcuts && (
            <button type="button" className="icon-btn inbox__shortcuts-help" aria-label={intl.formatMessage({ id: 'inbox.shortcuts.button' })} title={intl.formatMessage({ id: 'inbox.shortcuts.buttonTitle' })} onClick={openHelp}>
              <Keyboard size={17} aria-hidden />
            </button>
          )}
          <DensityToggle value={density} onChange={setDensity} />
          <MarkAllReadButton category={filters.category} className="btn btn--secondary" />
        </div>
      </header>
      <div className="inbox__filters">
        <SearchBox value={filters.q} onChange={setQuery} shortcut={shortcuts} />
        <PinnedFilter value={filters.pinned === true} onChange={(pinned) => onFiltersChange({ pinned: pinned || undefined })} />
      </div>
      <div className="inbox__toolbar">
        <InboxTabs value={filters.status} onChange={(status) => onFiltersChange({ status })} panelId={PANEL_ID} unread={unread} />
        <CategorySelect value={filters.category} onChange={(category) => onFiltersChange({ category })} />
      </div>
      <section ref={panelRef} id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(filters.status)} className="inbox__panel">
        {ListTop && <ListTop />}
        <NotificationList filters={filters} onClearSearch={clearSearch} />
      </section>
      {shortcuts && <ShortcutsDialog open={helpOpen} onClose={closeHelp} />}
    </div>
  );
}

