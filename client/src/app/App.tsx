import { Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/components/LoginPage';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { InboxPage } from '../features/inbox/components/InboxPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

/** Routes: /login is public; everything else needs a session. */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<InboxPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
