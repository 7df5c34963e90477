/** The app's intl helpers: compact ages and full dates, and API errors, in the reader's language. */
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { apiErrorMessage } from '../../../client/src/i18n/apiErrorMessage';
import { formatAge } from '../../../client/src/i18n/dates';
import { ApiError } from '../../../client/src/lib/api';
import en from '../../../shared/i18n/messages/en.json';
import fr from '../../../shared/i18n/messages/fr.json';

const english = createIntl({ locale: 'en', messages: en });
const french = createIntl({ locale: 'fr-FR', messages: { ...en, ...fr } });
const at = Date.parse('2026-05-01T10:00:00.000Z');
const iso = new Date(at).toISOString();
const MINUTE = 60_000;

describe('formatAge', () => {
  it('keeps the compact English of the inbox', () => {
    expect(formatAge(english, iso, at + 30_000)).toBe('just now');
    expect(formatAge(english, iso, at + 5 * MINUTE)).toBe('5m ago');
    expect(formatAge(english, iso, at + 3 * 60 * MINUTE)).toBe('3h ago');
    expect(formatAge(english, iso, at + 25 * 60 * MINUTE)).toBe('yesterday');
    expect(formatAge(english, iso, at + 3 * 24 * 60 * MINUTE)).toBe('3d ago');
    expect(formatAge(english, iso, at + 10 * 24 * 60 * MINUTE)).toBe('May 1');
  });

  it('says it in French for a French reader, dates included', () => {
    expect(formatAge(french, iso, at + 30_000)).toBe('à l’instant');
    expect(formatAge(french, iso, at + 5 * MINUTE)).toBe('il y a 5 min');
    expect(formatAge(french, iso, at + 25 * 60 * MINUTE)).toBe('hier');
    expect(formatAge(french, iso, at + 3 * 24 * 60 * MINUTE)).toBe('il y a 3 j');
    expect(formatAge(french, iso, at + 10 * 24 * 60 * MINUTE)).toBe('1 mai');
  });
});

describe('apiErrorMessage', () => {
  it('words a known error code in the reader’s language', () => {
    const error = new ApiError(409, 'cannot_demote_self', 'You cannot remove your own admin role; ask another admin');
    expect(apiErrorMessage(french, error, 'errors.unreachable')).toBe(
      'Vous ne pouvez pas retirer votre propre rôle d’administrateur\u00a0; demandez à un autre administrateur.',
    );
  });

  it('shows an unknown server message as sent, and the fallback for anything else', () => {
    expect(apiErrorMessage(french, new ApiError(422, 'something_new', 'Something new went wrong'), 'errors.unreachable')).toBe('Something new went wrong');
    expect(apiErrorMessage(french, new ApiError(502, 'http_error', 'Request failed with status 502'), 'errors.unreachable')).toBe('Impossible de joindre le serveur.');
    expect(apiErrorMessage(french, new TypeError('Failed to fetch'), 'errors.unreachable')).toBe('Impossible de joindre le serveur.');
  });
});
