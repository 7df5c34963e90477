import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAdmin } from '../features/admin';
import { LoginPage, OpenLinkPage, RequireAuth, SetPasswordPage } from '../features/auth';
import { DevicesPage } from '../features/devices';
import { InboxPage } from '../features/inbox';
import { PreferencesPage } from '../features/preferences';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

// Admin pages are a separate chunk: people who are not admins never download them.
const AdminRoutes = lazy(() => import('../features/admin/AdminRoutes'));

/**
 * Routes: /login and the pages links lead to (/open/<token> from emails, /set-password from
 * `npm run user:create`) are public; everything else needs a session, and /admin/* an admin.
 */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/open/:token" element={<OpenLinkPage />} />
      <Route path="/set-password" element={<SetPasswordPage />} />
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
        <Route
          path="admin/*"
          element={
            <RequireAdmin>
              <Suspense fallback={<p className="page-loading" role="status">Loading…</p>}>
                <AdminRoutes />
              </Suspense>
            </RequireAdmin>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
