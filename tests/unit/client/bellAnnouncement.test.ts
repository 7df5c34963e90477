/**
 * The header bell's live announcement of the unread count (a polite live region beside the badge) is in
 * the page's language: a French page announced "2 unread notifications" in English.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/messages/en.json' with { type: 'json' };
import fr from '../../../shared/i18n/messages/fr.json' with { type: 'json' };
import { notificationKeys } from '../../../client/src/features/inbox/api/notificationKeys.js';
import { NotificationBell } from '../../../client/src/features/inbox/components/NotificationBell.js';

/** The bell's markup with `unread` in the counts cache, in `locale`. */
function render(unread: number, locale: 'en' | 'fr'): string {
  const queryClient = new QueryClient();
  queryClient.setQueryData(notificationKeys.counts(), { unread, unseen: unread, version: 1 });
  return renderToStaticMarkup(
    createElement(
      IntlProvider,
      { locale, messages: locale === 'en' ? en : fr },
      createElement(QueryClientProvider, { client: queryClient }, createElement(NotificationBell)),
    ),
  );
}

/** The text of the bell's live region. */
const announcement = (html: string) => /<span class="sr-only" aria-live="polite">([^<]*)<\/span>/.exec(html)?.[1];

describe('the bell’s unread announcement', () => {
  it('is French on a French page', () => {
    expect(announcement(render(2, 'fr'))).toBe('2 notifications non lues');
    expect(announcement(render(1, 'fr'))).toBe('1 notification non lue');
  });

  it('is English on an English page, and empty at 0', () => {
    expect(announcement(render(2, 'en'))).toBe('2 unread notifications');
    expect(announcement(render(0, 'en'))).toBe('');
  });
});
