import type { IntlShape } from 'react-intl';

/** "1 person" / "1,204 people" ("1 personne" / "1 204 personnes"). */
export function formatPeople(intl: IntlShape, count: number): string {
  return intl.formatMessage({ id: 'admin.people' }, { count });
}

/** Read rate as a whole percentage, or null while nobody was reached. */
export function readRate(readCount: number, recipientCount: number): number | null {
  if (recipientCount <= 0) return null;
  return Math.round((readCount / recipientCount) * 100);
}

/** A server message as a sentence (some lack the full stop), so another can follow it. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
