import type { IntlShape } from 'react-intl';
import { CATEGORY_RETENTION_MAX_DAYS } from '@shared/schemas/directory';

/**
 * A category's retention as typed: empty → null (the server's default), else whole days 0…CATEGORY_RETENTION_MAX_DAYS
 * (0: forever); anything else is `{ error }`, worded for the field.
 *
 * @example
 * parseRetention(intl, ' 90 '); // { days: 90 }
 * parseRetention(intl, ''); // { days: null }
 */
export function parseRetention(intl: IntlShape, text: string): { days: number | null } | { error: string } {
  const value = text.trim();
  if (!value) return { days: null };
  const days = Number(value);
  if (/^\d+$/.test(value) && days <= CATEGORY_RETENTION_MAX_DAYS) return { days };
  return { error: intl.formatMessage({ id: 'admin.categories.retention.invalid' }, { max: CATEGORY_RETENTION_MAX_DAYS }) };
}

/** How a category's retention reads in the table: "90 days", "Forever" or "Server default". */
export function retentionText(intl: IntlShape, days: number | null): string {
  if (days === null) return intl.formatMessage({ id: 'admin.categories.retention.default' });
  if (days === 0) return intl.formatMessage({ id: 'admin.categories.retention.forever' });
  return intl.formatMessage({ id: 'admin.categories.retention.days' }, { days });
}
