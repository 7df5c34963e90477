import { FormattedMessage } from 'react-intl';
import { Outlet } from 'react-router';
import { RealtimeProvider } from '../features/realtime';
import { Header } from './Header';
import { SideNav } from './SideNav';
import { useDocumentBadge } from './useDocumentBadge';

/** Shell of every signed-in page: header, left nav, content; the socket lives as long as it does. */
export function AppLayout() {
  return (
    <RealtimeProvider>
      <DocumentBadge />
      <a href="#main" className="skip-link">
        <FormattedMessage id="app.skipToContent" />
      </a>
      <div className="app-shell">
        <Header />
        <div className="app-shell__body">
          <SideNav />
          <main id="main" className="app-shell__main" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </RealtimeProvider>
  );
}

/** The unread count in the tab's title and favicon; inside the provider, whose socket keeps the counts live. */
function DocumentBadge() {
  useDocumentBadge();
  return null;
}
