import { z } from 'zod';
import { CHANNELS, type Channel } from '../types.js';
import { LOCALE_PATTERN } from '../i18n/locales.js';
import { categoryKeySchema } from './notification.js';
import { EXTERNAL_CHANNEL_NAMES } from './delivery.js';

/** How a category's emails go out: one by one, or batched into an hourly / daily digest. */
export const EMAIL_DIGEST_MODES = ['immediate', 'hourly', 'daily'] as const;
export type EmailDigestMode = (typeof EMAIL_DIGEST_MODES)[number];

/** "HH:MM", 24-hour. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Must be a time like 07:30');

export const timezoneSchema = z
  .string()
  .max(64)
  .refine((tz) => tz === 'UTC' || Intl.supportedValuesOf('timeZone').includes(tz), 'Must be an IANA time zone like Europe/Paris');

/**
 * A language tag (`fr`, `fr-CA`): what the user's messages are written in. The format only; whether there
 * is a catalog for it is the server's to say (shared/i18n/messages), and without one English is used.
 */
export const localeSchema = z.string().regex(LOCALE_PATTERN, 'Must be a locale like en or en-US');

/** Quiet hours in the user's timezone; the window may cross midnight (22:00 → 07:00). */
export const quietHoursSchema = z
  .strictObject({ start: timeOfDaySchema, end: timeOfDaySchema })
  .refine((q) => q.start !== q.end, { message: 'Start and end must differ', path: ['end'] });
export type QuietHours = z.infer<typeof quietHoursSchema>;

/** One cell of the matrix. `locked` cells cannot be changed (critical categories), `reason` says why. */
export interface PreferenceCell {
  enabled: boolean;
  locked: boolean;
  /** True while the user has not changed it (the admin's category default applies). */
  isDefault: boolean;
  reason?: string;
}

/** Whether a channel can reach this user at all, whatever the matrix says. */
export interface ChannelAvailability {
  /** The user's global switch for the channel. */
  enabled: boolean;
  /** Has an address / consent / device for it. */
  available: boolean;
  /** Why it is unavailable (no phone, no SMS consent, no device) or switched off by an admin. */
  reason?: string;
}

export interface CategoryPreferences {
  key: string;
  label: string;
  description: string;
  critical: boolean;
  channels: Record<Channel, PreferenceCell>;
  emailDigest: EmailDigestMode;
}

/** `GET /api/preferences` (and `GET /api/v1/users/{externalId}/preferences`). */
export interface PreferencesDto {
  channels: Record<Channel, ChannelAvailability>;
  categories: CategoryPreferences[];
  quietHours: QuietHours | null;
  timezone: string;
  /** The language the person chose; null: the browser's (their last Accept-Language with a catalog). */
  locale: string | null;
  digestTime: string;
  contact: {
    email: string;
    phone: string | null;
    smsConsent: { at: string; source: string } | null;
    /** WhatsApp consent on the same phone: its own record, separate from SMS (Meta requires an explicit opt-in). */
    whatsappConsent: { at: string; source: string } | null;
    pushDevices: number;
  };
}

/**
 * Body of `PATCH /api/preferences` (and the v1 `PUT …/preferences`): any subset; omitted parts stay.
 * `null` for a category channel resets it to the category default.
 */
export const updatePreferencesSchema = z.strictObject({
  channels: z.partialRecord(z.enum(CHANNELS), z.boolean()).optional(),
  categories: z
    .record(
      categoryKeySchema,
      z.strictObject({
        channels: z.partialRecord(z.enum(CHANNELS), z.boolean().nullable()).optional(),
        emailDigest: z.enum(EMAIL_DIGEST_MODES).optional(),
      }),
    )
    .optional(),
  quietHours: quietHoursSchema.nullable().optional(),
  timezone: timezoneSchema.optional(),
  /** A language with a catalog (400 `locale` otherwise), or null to follow the browser again. */
  locale: localeSchema.nullable().optional(),
  digestTime: timeOfDaySchema.optional(),
});
export type UpdatePreferencesInput = z.infer<typeof updatePreferencesSchema>;

/**
 * Body of `PATCH /api/preferences/contact`: the phone number, SMS consent and WhatsApp consent. Giving
 * consent records when and how (`source`, e.g. "preferences page"); withdrawing it stops that channel at
 * once, pending ones included. A new number clears both consents.
 */
export const updateContactSchema = z.strictObject({
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'Must be an E.164 number like +14155550123').nullable().optional(),
  smsConsent: z.boolean().optional(),
  whatsappConsent: z.boolean().optional(),
});
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

/** One step of a category's escalation ladder: send on `channel` if still unread `afterMinutes` after creation. */
export const escalationStepSchema = z.strictObject({
  channel: z.enum(EXTERNAL_CHANNEL_NAMES),
  afterMinutes: z.number().int().min(0).max(7 * 24 * 60),
});
export const escalationLadderSchema = z.array(escalationStepSchema).max(10);
export type EscalationStep = z.infer<typeof escalationStepSchema>;
