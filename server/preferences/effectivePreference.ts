import type { EmailDigestMode, PreferenceCell } from '../../shared/schemas/preferences.js';
import type { Channel } from '../../shared/types.js';

/** The category facts preferences depend on. */
export interface CategoryPolicy {
  key: string;
  critical: boolean;
  defaultChannels: readonly Channel[];
}

/** A user's stored choices, as read from Preference rows. */
export interface UserPreferenceRows {
  /** Category "*" rows: the user's global switch per channel. */
  global: Partial<Record<Channel, boolean>>;
  /** Per category key: explicit channel choices and the email digest mode. */
  categories: Record<string, { channels: Partial<Record<Channel, boolean>>; emailDigest?: EmailDigestMode }>;
}

export const NO_PREFERENCES: UserPreferenceRows = { global: {}, categories: {} };

const CRITICAL_IN_APP = 'Critical: always delivered to your inbox';
const CRITICAL_EXTERNAL = 'Critical: sent wherever you have an address, device or consent';

/**
 * One cell of the preference matrix: what the user chose, or else the admin's category default.
 * Critical categories are locked: always in the inbox, and their external channels follow only the
 * user's contact points and consent.
 */
export function effectivePreference(category: CategoryPolicy, channel: Channel, rows: UserPreferenceRows): PreferenceCell {
  const byDefault = channel === 'in_app' || category.defaultChannels.includes(channel);
  if (category.critical) {
    return { enabled: channel === 'in_app' || byDefault, locked: true, isDefault: true, reason: channel === 'in_app' ? CRITICAL_IN_APP : CRITICAL_EXTERNAL };
  }
  const chosen = rows.categories[category.key]?.channels[channel];
  return chosen === undefined ? { enabled: byDefault, locked: false, isDefault: true } : { enabled: chosen, locked: false, isDefault: false };
}

/** The user's global switch for a channel (on unless turned off). */
export const globalSwitch = (channel: Channel, rows: UserPreferenceRows): boolean => rows.global[channel] ?? true;

/** How the category's emails go out for this user; critical categories never wait for a digest. */
export function emailDigestMode(category: CategoryPolicy, rows: UserPreferenceRows): EmailDigestMode {
  if (category.critical) return 'immediate';
  return rows.categories[category.key]?.emailDigest ?? 'immediate';
}

/** Groups Preference rows of one user into UserPreferenceRows. */
export function groupPreferenceRows(
  rows: { category: string; channel: string; enabled: boolean | null; emailDigest: string | null }[],
): UserPreferenceRows {
  const grouped: UserPreferenceRows = { global: {}, categories: {} };
  for (const row of rows) {
    const channel = row.channel as Channel;
    if (row.category === '*') {
      if (row.enabled !== null) grouped.global[channel] = row.enabled;
      continue;
    }
    const entry = (grouped.categories[row.category] ??= { channels: {} });
    // null: only a digest choice is stored; the cell keeps following the category default.
    if (row.enabled !== null) entry.channels[channel] = row.enabled;
    if (channel === 'email' && row.emailDigest) entry.emailDigest = row.emailDigest as EmailDigestMode;
  }
  return grouped;
}
