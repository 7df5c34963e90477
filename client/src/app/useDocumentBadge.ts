import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { useLocation } from 'react-router';
import { useCounts } from '../features/inbox';
import { documentTitle, faviconFor, pageTitleFor } from './documentBadge';

/**
 * Keeps the tab's title (`(3) Inbox · FlashNotify`) and favicon badge in step with the unread count, live
 * (the counts query follows the socket), and puts both back when the signed-in shell goes away.
 */
export function useDocumentBadge(): void {
  const { data: counts } = useCounts();
  const { pathname } = useLocation();
  const unread = counts?.unread ?? 0;
  const intl = useIntl();
  const pageId = pageTitleFor(pathname);
  const page = pageId && intl.formatMessage({ id: pageId });

  useEffect(() => {
    document.title = documentTitle(page, unread);
  }, [page, unread]);

  useEffect(() => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link) return;
    link.href = faviconFor(unread);
  }, [unread]);

  useEffect(
    () => () => {
      document.title = documentTitle(undefined, 0);
      const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
      if (link) link.href = faviconFor(0);
    },
    [],
  );
}
