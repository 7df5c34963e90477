import { z } from 'zod';

/** A signed "read" token as it appears in an email link (`base64url.base64url`). */
export const readTokenSchema = z.string().min(1).max(1024);

/** Body of `POST /api/email-actions/read`: the person opened the link and chose to open the notification. */
export const emailActionReadSchema = z.strictObject({ token: readTokenSchema });
export type EmailActionReadInput = z.infer<typeof emailActionReadSchema>;

/**
 * Answer of `GET /api/email-actions/preview/:token`: what the `/open/<token>` page shows before anything
 * changes. `userId` is the token's user (it is readable in the token itself), so a signed-in app can tell
 * whether the link is its own user's.
 */
export interface EmailActionPreview {
  userId: string;
  notification: {
    title: string;
    category: string;
    /** Where opening leads: the action URL (same-origin path or absolute http(s)), or null for the inbox. */
    url: string | null;
    read: boolean;
  };
}

/** Answer of `POST /api/email-actions/read`: the notification is read; `url` is where to go (null: the inbox). */
export interface EmailActionReadResult {
  url: string | null;
}
