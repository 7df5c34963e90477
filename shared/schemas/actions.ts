import { z } from 'zod';
import { checkIconUrl, ICON_URL_MAX } from '../urls.js';
import { actionUrlSchema } from './actionUrl.js';
import { rowIdSchema } from './cursors.js';
import type { NotificationDto } from './notification.js';

/**
 * Rich notifications (issue 11): an icon and up to two action buttons per notification, and the
 * acknowledgement of one of them by the recipient.
 */

/** How many action buttons a notification may carry (the Notification API shows two on most platforms). */
export const ACTIONS_MAX = 2;
/** Longest action label, in characters: a button, not a sentence. */
export const ACTION_LABEL_MAX = 40;

/** An icon: an `https:` URL or a same-origin path (checkIconUrl), at most ICON_URL_MAX characters. */
export const iconSchema = z
  .string()
  .max(ICON_URL_MAX, `Must be at most ${ICON_URL_MAX} characters`)
  .superRefine((value, ctx) => {
    if (value.length > ICON_URL_MAX) return;
    const verdict = checkIconUrl(value);
    if (!verdict.ok) ctx.addIssue({ code: 'custom', message: verdict.message });
  })
  .meta({ description: 'An https: image URL or a same-origin path, shown small and round beside the notification', example: 'https://cdn.example.com/avatars/ada.png' });

/** An action's id: a short slug, unique within its notification (`approve`, `view-order`). */
export const actionIdSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Must be a lower-case slug (a-z, 0-9, "_", "-")');

/**
 * One button: `url` opens a link (recorded as taken, then followed), `acknowledge` records the choice
 * only (the sender sees who took which). `url` is required for `url` actions and refused for the others.
 */
export const notificationActionSchema = z
  .strictObject({
    id: actionIdSchema,
    label: z.string().trim().min(1).max(ACTION_LABEL_MAX),
    kind: z.enum(['url', 'acknowledge']),
    url: actionUrlSchema.optional(),
    style: z.enum(['primary', 'secondary']).default('secondary'),
  })
  .superRefine((action, ctx) => {
    if (action.kind === 'url' && action.url === undefined) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Required for a "url" action' });
    if (action.kind === 'acknowledge' && action.url !== undefined) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Only a "url" action has a url' });
  });
export type NotificationAction = z.infer<typeof notificationActionSchema>;

/** A notification's actions: 0–2, ids distinct (the second of a repeated id is named). */
export const notificationActionsSchema = z
  .array(notificationActionSchema)
  .max(ACTIONS_MAX)
  .superRefine((actions, ctx) => {
    const seen = new Set<string>();
    actions.forEach((action, index) => {
      if (seen.has(action.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Repeats the id "${action.id}"` });
      seen.add(action.id);
    });
  })
  .meta({
    description: 'Up to two buttons. `acknowledge` records the choice (visible in the send status); `url` also opens its link.',
    example: [
      { id: 'approve', label: 'Approve', kind: 'acknowledge', style: 'primary' },
      { id: 'view', label: 'View request', kind: 'url', url: 'https://example.com/requests/42', style: 'secondary' },
    ],
  });

/** Path of `POST /api/notifications/:id/actions/:actionId`. */
export const actParamsSchema = z.strictObject({ id: rowIdSchema, actionId: actionIdSchema });

/** Body of `POST /api/push-actions/act` (the service worker, with the push payload's token). */
export const pushActSchema = z.strictObject({ token: z.string().min(1).max(1024), actionId: actionIdSchema });

/** Answer of an action taken: the notification as it is now, and where a `url` action leads (else null). */
export interface ActResult {
  notification: NotificationDto;
  url: string | null;
}

/** How many recipients took each action of a send (send detail, `GET /api/v1/sends/{id}`). */
export interface ActionCount {
  id: string;
  label: string;
  count: number;
}
