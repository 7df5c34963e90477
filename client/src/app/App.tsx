import { lazy, Suspense } from 'react';
import { FormattedMessage } from 'react-intl';
import { Route, Routes } from 'react-router';
import { RequireAdmin } from '../features/admin';
import { AccountPage } from '../features/account';
import { ForgotPasswordPage, LoginPage, OpenLinkPage, RequireAuth, SetPasswordPage } from '../features/auth';
import { DevicesPage } from '../features/devices';
import { InboxPage } from '../features/inbox';
import { PreferencesPage } from '../features/preferences';
import { InboxEnvironmentContext } from '../components/inboxEnvironment';
import { APP_ENVIRONMENT } from './appEnvironment';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

// Admin pages are a separate chunk: people who are not admins never download them.
const AdminRoutes = lazy(() => import('../features/admin/AdminRoutes'));

/**
 * Routes: /login, /forgot-password and the pages links lead to (/open/<token> from emails, /set-password
 * from `npm run user:create` and password reset emails, /invitation from invitation emails) are public; everything else needs a session, and /admin/* an admin.
 */
export function App() {
  return (
    <InboxEnvironmentContext.Provider value={APP_ENVIRONMENT}>
      <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/open/:token" element={<OpenLinkPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      {/* Keyed by kind: the page calls that kind's hooks, so the two routes must not share an instance. */}
      <Route path="/set-password" element={<SetPasswordPage key="set-password" kind="set-password" />} />
      <Route path="/invitation" element={<SetPasswordPage key="invitation" kind="invitation" />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<InboxPage />} />
        <Route path="settings/preferences" element={<PreferencesPage />} />
        <Route path="settings/devices" element={<DevicesPage />} />
        <Route path="settings/account" element={<AccountPage />} />
        <Route
          path="admin/*"
          element={
            <RequireAdmin>
              <Suspense fallback={<p className="page-loading" role="status"><FormattedMessage id="common.loading" /></p>}>
                <AdminRoutes />
              </Suspense>
            </RequireAdmin>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      </Routes>
    </InboxEnvironmentContext.Provider>
  );
}
