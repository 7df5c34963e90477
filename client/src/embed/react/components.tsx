import { lazy, Suspense, useState } from 'react';
import { useIntl } from 'react-intl';
import { Bell as BellIcon } from 'lucide-react';
import { InboxView, NotificationBell, type InboxFilters, type InboxTabStatus } from '../../features/inbox';
import { ConnectionStatus } from '../../features/realtime';
import { useFlashNotify } from './context';
import { FlashNotifyRoot, StoppedMessage } from './FlashNotifyRoot';

/**
 * The bell for a host's header: the exact unread count (`99+` above 99, also in its accessible name,
 * announced politely) and a popover (`role="dialog"`: takes focus, Escape or a click outside closes it)
 * with the feed — newest first, "Load more", read/unread, archive, "Mark all as read" — marking what it
 * shows as seen. The app's own `NotificationBell`.
 *
 * @example
 * <header><Bell /></header>
 */
export function Bell() {
  const { stopped } = useFlashNotify();
  return (
    <FlashNotifyRoot className="fn-react--bell">
      {stopped ? (
        <button type="button" className="bell__button" aria-label={`Notifications, 0 unread, ${stopped === 'signed-out' ? 'signed out' : 'unavailable'}`} disabled>
          <BellIcon size={18} aria-hidden />
        </button>
      ) : (
        <NotificationBell />
      )}
    </FlashNotifyRoot>
  );
}

/** Props of {@link NotificationFeed}. */
export interface NotificationFeedProps {
  /** The tab shown first: `all` (default), `unread` or `archived`. */
  initialStatus?: InboxTabStatus;
}

/**
 * The inbox as a page section: tabs (All / Unread / Archived), category filter, "Mark all as read", the
 * live list with infinite scroll and "Load more", read/unread and archive on each item, and the
 * connection's state. The app's own inbox page (`InboxView`), its filters kept in component state.
 *
 * @example
 * <main><NotificationFeed initialStatus="unread" /></main>
 */
export function NotificationFeed({ initialStatus = 'all' }: NotificationFeedProps) {
  const { stopped } = useFlashNotify();
  const [filters, setFilters] = useState<InboxFilters & { status: InboxTabStatus }>({ status: initialStatus });
  return (
    <FlashNotifyRoot className="fn-react--feed">
      <ConnectionStatus />
      {stopped ? (
        <StoppedMessage reason={stopped} />
      ) : (
        <InboxView
          headingLevel={2}
          filters={filters}
          onStatusChange={(status) => setFilters((current) => ({ ...current, status }))}
          onCategoryChange={(category) => setFilters((current) => ({ status: current.status, ...(category ? { category } : {}) }))}
        />
      )}
    </FlashNotifyRoot>
  );
}

// Its own chunk: the preference forms validate with the shared zod schemas, which the bell and the feed do
// without (about half of the whole size); a host that never shows preferences never loads them.
const PreferencesPage = lazy(() => import('../../features/preferences/PreferencesPanel'));

/**
 * The user's notification preferences: channels, the category × channel matrix, email digests, quiet hours
 * and contact points, each change saved at once. The app's own preferences page.
 *
 * @example
 * <Preferences />
 */
export function Preferences() {
  const { stopped } = useFlashNotify();
  return (
    <FlashNotifyRoot className="fn-react--preferences">
      {stopped ? (
        <StoppedMessage reason={stopped} />
      ) : (
        <Suspense fallback={<p className="fn-react__message" role="status">Loading your preferences…</p>}>
          <PreferencesPage headingLevel={2} />
        </Suspense>
      )}
    </FlashNotifyRoot>
  );
}

const SECTIONS = [
  { key: 'feed', labelId: 'inbox.bell.title' },
  { key: 'preferences', labelId: 'app.nav.preferences' },
] as const;

/**
 * The whole inbox in one section: `<NotificationFeed/>` and `<Preferences/>` behind a two-way switch
 * ("Notifications" / "Preferences"). Put a `<Bell/>` in the header beside it for the badge.
 *
 * @example
 * <Inbox />
 */
export function Inbox() {
  const intl = useIntl();
  const [section, setSection] = useState<(typeof SECTIONS)[number]['key']>('feed');
  return (
    <div className="fn-react-inbox">
      <FlashNotifyRoot className="fn-react--switch">
        <div className="segmented" role="group" aria-label={intl.formatMessage({ id: 'reactInbox.sections' })}>
          {SECTIONS.map(({ key, labelId }) => (
            <button key={key} type="button" className="segmented__option" aria-pressed={section === key} onClick={() => setSection(key)}>
              {intl.formatMessage({ id: labelId })}
            </button>
          ))}
        </div>
      </FlashNotifyRoot>
      {section === 'feed' ? <NotificationFeed /> : <Preferences />}
    </div>
  );
}
