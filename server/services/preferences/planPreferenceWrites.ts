import type { ApiErrorDetail } from '../../../shared/errors.js';
import type { EmailDigestMode, UpdatePreferencesInput } from '../../../shared/schemas/preferences.js';
import type { Channel } from '../../../shared/types.js';
import { HttpError } from '../../errors.js';
import { effectivePreference, type CategoryPolicy, type UserPreferenceRows } from '../../preferences/effectivePreference.js';

/** One Preference row to write: upsert (`create` when missing, else `update`) or delete (back to default). */
export type PreferenceWrite =
  | {
      kind: 'upsert';
      category: string;
      channel: Channel;
      /** `enabled` null: the cell follows the category default (the row only holds a digest choice). */
      create: { enabled: boolean | null; emailDigest?: EmailDigestMode };
      update: { enabled?: boolean | null; emailDigest?: EmailDigestMode };
    }
  | { kind: 'delete'; category: string; channel: Channel };

type CategoryChange = NonNullable<UpdatePreferencesInput['categories']>[string];

const LOCKED_MESSAGE = 'Critical categories cannot be changed';

/**
 * Turns a preferences update into Preference row writes, or throws 422: `unknown_category` naming each
 * unknown key (`categories.<key>`), else `preference_locked` naming each locked cell
 * (`categories.<key>.channels.<ch>`). Sending a locked cell's current value (or null) is allowed, so a
 * client may send back the whole matrix it read; only a real change is refused.
 *
 * @example
 * const writes = planPreferenceWrites(input, policiesByKey, await loadPreferenceRows(tx, userId));
 */
export function planPreferenceWrites(
  input: UpdatePreferencesInput,
  categories: ReadonlyMap<string, CategoryPolicy>,
  rows: UserPreferenceRows,
): PreferenceWrite[] {
  const changes = Object.entries(input.categories ?? {});
  const unknown = changes.filter(([key]) => !categories.has(key));
  if (unknown.length > 0) {
    throw new HttpError(422, 'unknown_category', 'No such category', unknown.map(([key]) => ({ path: `categories.${key}`, message: 'No such category' })));
  }

  const locked = changes.flatMap(([key, change]) => lockedCells(categories.get(key)!, change, rows));
  if (locked.length > 0) throw new HttpError(422, 'preference_locked', LOCKED_MESSAGE, locked);

  const globals: PreferenceWrite[] = Object.entries(input.channels ?? {}).map(([channel, enabled]) => ({
    kind: 'upsert',
    category: '*',
    channel: channel as Channel,
    create: { enabled },
    update: { enabled },
  }));
  return [...globals, ...changes.flatMap(([key, change]) => categoryWrites(categories.get(key)!, change, rows))];
}

/** Details for every attempted change to a locked (critical) cell. */
function lockedCells(category: CategoryPolicy, change: CategoryChange, rows: UserPreferenceRows): ApiErrorDetail[] {
  if (!category.critical) return [];
  const details: ApiErrorDetail[] = [];
  for (const [channel, value] of Object.entries(change.channels ?? {})) {
    const cell = effectivePreference(category, channel as Channel, rows);
    if (value !== null && value !== cell.enabled) {
      details.push({ path: `categories.${category.key}.channels.${channel}`, message: cell.reason ?? LOCKED_MESSAGE });
    }
  }
  // Critical emails never wait for a digest (emailDigestMode), so only "immediate" is accepted.
  if (change.emailDigest !== undefined && change.emailDigest !== 'immediate') {
    details.push({ path: `categories.${category.key}.emailDigest`, message: 'Critical emails are always sent immediately' });
  }
  return details;
}

function categoryWrites(category: CategoryPolicy, change: CategoryChange, rows: UserPreferenceRows): PreferenceWrite[] {
  // Locked cells only got here with their current value: nothing to store.
  if (category.critical) return [];
  const writes = new Map<Channel, PreferenceWrite>();
  const storedDigest = rows.categories[category.key]?.emailDigest;
  for (const [name, value] of Object.entries(change.channels ?? {})) {
    const channel = name as Channel;
    const keepsDigest = value === null && channel === 'email' && storedDigest !== undefined;
    writes.set(
      channel,
      value === null && !keepsDigest
        ? { kind: 'delete', category: category.key, channel }
        : { kind: 'upsert', category: category.key, channel, create: { enabled: value, emailDigest: storedDigest }, update: { enabled: value } },
    );
  }
  const emailDigest = change.emailDigest;
  if (emailDigest !== undefined) writes.set('email', withDigest(writes.get('email'), emailDigest, category.key));
  return [...writes.values()];
}

/**
 * The digest mode lives on the (category, email) row. Without an email choice in the same request the
 * row gets `enabled` null, so choosing a digest does not pin the email cell; a reset in the same request
 * (delete) becomes the same null.
 */
function withDigest(write: PreferenceWrite | undefined, emailDigest: EmailDigestMode, category: string): PreferenceWrite {
  if (write?.kind === 'upsert') return { ...write, create: { ...write.create, emailDigest }, update: { ...write.update, emailDigest } };
  const update = write?.kind === 'delete' ? { enabled: null, emailDigest } : { emailDigest };
  return { kind: 'upsert', category, channel: 'email', create: { enabled: null, emailDigest }, update };
}
