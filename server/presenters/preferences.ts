import type { ChannelAvailability, PreferencesDto } from '../../shared/schemas/preferences.js';
import { CHANNELS, type Channel } from '../../shared/types.js';
import type { ExternalChannel } from '../channels/types.js';
import {
  effectivePreference,
  emailDigestMode,
  globalSwitch,
  type CategoryPolicy,
  type UserPreferenceRows,
} from '../preferences/effectivePreference.js';
import { unreachableReason } from '../preferences/reachability.js';

/** The user columns the preferences page shows. */
export interface PreferencesUser {
  email: string;
  phone: string | null;
  smsConsentAt: Date | null;
  smsConsentSource: string | null;
  teamsWebhookUrl: string | null;
  whatsappConsentAt: Date | null;
  whatsappConsentSource: string | null;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  timezone: string;
  locale: string;
  localeChosen: boolean;
  digestTime: string;
}

/** Everything one user's preferences DTO is made of, read by `loadPreferences`. */
export interface PreferencesSnapshot {
  user: PreferencesUser;
  /** Sorted by key. */
  categories: (CategoryPolicy & { label: string; description: string })[];
  rows: UserPreferenceRows;
  pushDevices: number;
  /** External channels the admins have switched off. */
  adminDisabled: ReadonlySet<ExternalChannel>;
}

export const ADMIN_DISABLED_REASON = 'Turned off by an administrator';

/** Why a channel cannot reach this user (undefined: it can). The admin switch wins: fixing contacts would not help. */
function unavailableReason(channel: Channel, snapshot: PreferencesSnapshot): string | undefined {
  if (channel === 'in_app') return undefined;
  if (snapshot.adminDisabled.has(channel)) return ADMIN_DISABLED_REASON;
  return unreachableReason(channel, { ...snapshot.user, pushDevices: snapshot.pushDevices });
}

function availability(channel: Channel, snapshot: PreferencesSnapshot): ChannelAvailability {
  const reason = unavailableReason(channel, snapshot);
  return { enabled: globalSwitch(channel, snapshot.rows), available: !reason, ...(reason ? { reason } : {}) };
}

/** Snapshot → the DTO of `GET /api/preferences`; every matrix cell comes from `effectivePreference`. */
export function presentPreferences(snapshot: PreferencesSnapshot): PreferencesDto {
  const { user, rows } = snapshot;
  const perChannel = <T>(fn: (channel: Channel) => T) =>
    Object.fromEntries(CHANNELS.map((channel) => [channel, fn(channel)])) as Record<Channel, T>;
  return {
    channels: perChannel((channel) => availability(channel, snapshot)),
    categories: snapshot.categories.map((category) => ({
      key: category.key,
      label: category.label,
      description: category.description,
      critical: category.critical,
      channels: perChannel((channel) => effectivePreference(category, channel, rows)),
      emailDigest: emailDigestMode(category, rows),
    })),
    quietHours: user.quietHoursStart && user.quietHoursEnd ? { start: user.quietHoursStart, end: user.quietHoursEnd } : null,
    timezone: user.timezone,
    locale: user.localeChosen ? user.locale : null,
    digestTime: user.digestTime,
    contact: {
      email: user.email,
      phone: user.phone,
      smsConsent: user.smsConsentAt ? { at: user.smsConsentAt.toISOString(), source: user.smsConsentSource ?? '' } : null,
      whatsappConsent: user.whatsappConsentAt ? { at: user.whatsappConsentAt.toISOString(), source: user.whatsappConsentSource ?? '' } : null,
      pushDevices: snapshot.pushDevices,
    },
  };
}
