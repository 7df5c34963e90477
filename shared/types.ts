/**
 * Enums shared by server and client. shared/ imports neither side.
 */

/** How urgent a notification is; `critical` also fans out to external channels (later issue). */
export const PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Account roles. Admins can compose and manage; users only see their own inbox. */
export const ROLES = ['admin', 'user'] as const;
export type Role = (typeof ROLES)[number];

/** Inbox views: `all` is everything not archived; `archived` is only archived items. */
export const INBOX_STATUSES = ['all', 'unread', 'read', 'archived'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];
