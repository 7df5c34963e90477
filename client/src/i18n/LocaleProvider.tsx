import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { DEFAULT_LOCALE } from '@shared/i18n/locales';
import { browserLocale, loadMessages, SOURCE_MESSAGES, type Messages } from './catalogs';
import './messageIds';

const subscribeToLanguages = (onChange: () => void) => {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
};

/** The browser's language for the app, followed live (the `languagechange` event). */
function useBrowserLocale(): string {
  return useSyncExternalStore(subscribeToLanguages, browserLocale, () => DEFAULT_LOCALE);
}

interface Loaded {
  locale: string;
  messages: Messages;
}

/**
 * Puts everything below it in one language (react-intl's IntlProvider): `locale` when the person chose one,
 * else the browser's. A catalog loads before it is shown; while it loads the page keeps the previous language
 * (or, on first paint, shows nothing for the few milliseconds it takes). With `documentLang` (the app, not
 * a host page's components) it sets `<html lang>` to match.
 *
 * @example
 * <LocaleProvider locale={session?.user.locale ?? null}>…</LocaleProvider>
 */
export function LocaleProvider({ locale: chosen, documentLang = false, children }: { locale: string | null; documentLang?: boolean; children: ReactNode }) {
  const browser = useBrowserLocale();
  const wanted = chosen ?? browser;
  const [loaded, setLoaded] = useState<Loaded | null>(() => (wanted === DEFAULT_LOCALE ? { locale: wanted, messages: SOURCE_MESSAGES } : null));

  useEffect(() => {
    let current = true;
    void loadMessages(wanted).then((messages) => {
      if (current) setLoaded({ locale: wanted, messages });
    });
    return () => {
      current = false;
    };
  }, [wanted]);

  useEffect(() => {
    if (loaded && documentLang) document.documentElement.lang = loaded.locale;
  }, [loaded, documentLang]);

  if (!loaded) return null;
  return (
    <IntlProvider locale={loaded.locale} messages={loaded.messages} defaultLocale={DEFAULT_LOCALE}>
      {children}
    </IntlProvider>
  );
}
