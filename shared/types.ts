/**
 * Enums shared by server and client. shared/ imports neither side.
 */

/** How urgent a notification is; `critical` also fans out to external channels (later issue). */
export const PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Account roles. Admins can compose and manage; users only see their own inbox. */
export const ROLES = ['admin', 'user'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Inbox views: `all` is everything neither archived nor snoozed (`unread`/`read` split it); `archived` is only
 * archived items; `snoozed` only snoozed ones, the soonest to wake first.
 */
export const INBOX_STATUSES = ['all', 'unread', 'read', 'archived', 'snoozed'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** Where a notification can be delivered. `in_app` is the inbox; the others are external (issue 4). */
export const CHANNELS = ['in_app', 'email', 'sms', 'push', 'slack', 'teams', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];

/** API key permissions. `audit:read` reads the audit log (`GET /api/v1/audit`), for a SIEM or an auditor's tool. */
export const API_KEY_SCOPES = ['notifications:write', 'users:write', 'audit:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Life of a send: scheduled → processing → sent; or cancelled before it went out; failed if it could not. */
export const SEND_STATUSES = ['scheduled', 'processing', 'sent', 'cancelled', 'failed'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];
