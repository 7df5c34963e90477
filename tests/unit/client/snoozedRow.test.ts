/**
 * How the app's inbox page renders a row with the actions extension (InboxActionsProvider around
 * NotificationItem), server-rendered to markup: a snoozed item says until when and offers "Wake now" and
 * "Change" instead of "Snooze"; a pinned one says so; every row has its "Select <title>" checkbox. (The
 * Snoozed view itself, where such rows are listed, is another part of issue 11; its spec drives it.)
 */
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/messages/en.json' with { type: 'json' };
import fr from '../../../shared/i18n/messages/fr.json' with { type: 'json' };
import { InboxActionsProvider } from '../../../client/src/features/inbox/components/InboxActionsProvider.js';
import { NotificationItem } from '../../../client/src/features/inbox/components/NotificationItem.js';
import type { NotificationDto } from '../../../shared/schemas/notification.js';
import { notificationDto } from '../../helpers/notificationDto.js';

const NOW = Date.parse('2026-03-04T10:00:00Z');

function render(item: NotificationDto, locale: 'en' | 'fr' = 'en'): string {
  const queryClient = new QueryClient();
  const tree: ReactNode = createElement(
    IntlProvider,
    { locale, messages: locale === 'en' ? en : fr, timeZone: 'Europe/Paris' },
    createElement(
      QueryClientProvider,
      { client: queryClient },
      createElement(InboxActionsProvider, {
        filters: { status: 'snoozed' },
        children: createElement('ul', null, createElement(NotificationItem, { item, now: NOW })),
      }),
    ),
  );
  return renderToStaticMarkup(tree);
}

/** The visible text of some markup, tags dropped. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('a row of the app’s inbox page', () => {
  it('of a snoozed item: when it wakes, "Wake now" and "Change", and no "Snooze" button', () => {
    const html = render(notificationDto(4, { title: 'Renew the certificate', snoozedUntil: '2026-03-09T08:00:00.000Z' }));
    expect(text(html)).toContain('Snoozed until Mon, Mar 9, 9:00 AM');
    expect(html).toMatch(/<button[^>]*>Wake now<\/button>/);
    expect(html).toMatch(/<button[^>]*aria-haspopup="dialog"[^>]*>Change<\/button>/);
    expect(html).not.toContain('aria-label="Snooze"');
    expect(html).toContain('aria-label="Select Renew the certificate"');
    expect(html).toContain('aria-label="Delete"');
  });

  it('says the same in French', () => {
    const html = render(notificationDto(4, { title: 'Renouveler le certificat', snoozedUntil: '2026-03-09T08:00:00.000Z' }), 'fr');
    expect(text(html)).toMatch(/En attente jusqu’au lun\. 9 mars,? 0?9:00/);
    expect(html).toContain('>Faire revenir maintenant</button>');
    expect(html).toContain('aria-label="Sélectionner Renouveler le certificat"');
  });

  it('of a pinned item: "Pinned", and its pin button pressed', () => {
    const html = render(notificationDto(5, { pinnedAt: '2026-03-01T00:00:00.000Z' }));
    expect(text(html)).toContain('Pinned');
    expect(html).toMatch(/aria-label="Pin" aria-pressed="true"/);
    // Not snoozed: a Snooze button, no wake time.
    expect(html).toContain('aria-label="Snooze"');
    expect(text(html)).not.toContain('Snoozed until');
  });
});
