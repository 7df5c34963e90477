import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { Toaster } from 'sonner';
import { App } from './app/App';
import { AppLocale } from './app/AppLocale';
import { endSession, refreshSession, reloadSession } from './features/auth';
import { createQueryClient } from './lib/queryClient';
import { registerServiceWorker } from './lib/serviceWorker';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';

const queryClient = createQueryClient({
  // Any 401 means the session is gone: RequireAuth sees `null` and redirects to /login.
  onUnauthorized: () => endSession(queryClient),
  // Another tab signed this browser in as someone else: start over as whoever the cookie is now.
  onSessionChanged: () => reloadSession(queryClient),
  // Demoted meanwhile? The navigation and admin pages follow the role the session has now.
  onForbidden: () => refreshSession(queryClient),
});

registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AppLocale>
        <BrowserRouter>
          <App />
        </BrowserRouter>
        <Toaster position="bottom-right" closeButton toastOptions={{ className: 'toast' }} />
      </AppLocale>
    </QueryClientProvider>
  </StrictMode>,
);
