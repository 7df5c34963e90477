import { z } from 'zod';
import type { InvitationDto, SessionDto } from './account.js';
import type { AuditEventDto } from './audit.js';
import type { DeliveryDto, PushDeviceDto } from './delivery.js';
import type { UserDto } from './directory.js';
import type { NotificationDto } from './notification.js';
import type { PreferencesDto } from './preferences.js';

// GDPR (issue 12 §3): everything about one person, exported or erased.

/**
 * `GET /api/admin/users/{id}/export` and `GET /api/v1/users/{externalId}/export`: everything stored about one
 * user, as one JSON document (streamed, a page of rows at a time, so 100,000 notifications never sit in
 * memory at once). Secrets stay out: no password hash, no push endpoint or keys, no session id.
 */
export interface UserExport {
  exportedAt: string;
  user: UserDto & {
    updatedAt: string;
    /** Whether they can sign in to FlashNotify (the hash itself is never exported). */
    hasPassword: boolean;
    localeChosen: boolean;
    quietHours: { start: string; end: string } | null;
    digestTime: string;
  };
  /** Their consents: SMS (when, and how it was given) and Web Push (per device, when it was enabled). */
  consents: { sms: { at: string; source: string | null } | null; whatsapp: { at: string; source: string | null } | null; push: { deviceId: string; at: string }[] };
  preferences: PreferencesDto;
  devices: PushDeviceDto[];
  /** Sign-in sessions, without their secret ids (`id` is the handle the sessions page uses). */
  sessions: SessionDto[];
  topicSubscriptions: { topic: string; name: string; subscribedAt: string }[];
  /** Invitations sent to their email, or accepted as this account (without who sent them: another person's data). */
  invitations: Omit<InvitationDto, 'invitedBy'>[];
  digests: { period: string; periodKey: string; status: string; notificationCount: number; createdAt: string; sentAt: string | null }[];
  /** Every notification (deleted ones too, until purged), oldest first, each with its external deliveries and their attempts. */
  notifications: (NotificationDto & { sendId: string | null; deliveries: DeliveryDto[] })[];
  /**
   * Audit events they made (as an admin) or that were about them. The label of another person who acted (an
   * admin's email) is withheld (''): it is theirs; the actor's type and id remain.
   */
  auditEvents: AuditEventDto[];
}

/** Body of `POST /api/admin/users/{id}/erase`: the user's email, typed again, so no slip erases the wrong person. */
export const eraseUserSchema = z.strictObject({
  confirmEmail: z.string().trim().min(1).max(320),
});

/** What an erasure removed, by kind (rows). */
export interface UserErasure {
  userId: string;
  erased: {
    notifications: number;
    deliveries: number;
    deliveryAttempts: number;
    devices: number;
    sessions: number;
    preferences: number;
    topicSubscriptions: number;
    invitations: number;
    outboxMessages: number;
    /** Sends whose recipient list named them by email or external id, rewritten to name the erased id instead. */
    sendsAnonymised: number;
  };
}
