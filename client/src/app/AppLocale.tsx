import type { ReactNode } from 'react';
import { useSession } from '../features/auth';
import { useChosenLocale } from '../features/preferences';
import { LocaleProvider } from '../i18n/LocaleProvider';

/**
 * The app in the signed-in person's chosen language, else (and before sign-in) the browser's. The session
 * says it at start; the preferences, once loaded, say it live (a choice in this tab or another one).
 */
export function AppLocale({ children }: { children: ReactNode }) {
  const session = useSession();
  const fromPreferences = useChosenLocale();
  const chosen = fromPreferences !== undefined ? fromPreferences : (session.data?.user.locale ?? null);
  return (
    <LocaleProvider locale={chosen} documentLang>
      {children}
    </LocaleProvider>
  );
}
