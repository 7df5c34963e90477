import { actionUrlSchema } from '@shared/schemas/notification';

/** Where a notification's action leads: a route of this app, or another site in a new tab. */
export type ActionTarget = { kind: 'internal'; path: string } | { kind: 'external'; href: string };

/**
 * Classifies an action URL, re-checking it with the shared schema so nothing else (`javascript:`,
 * `//host`) ever becomes a link, whatever the server sent.
 *
 * @example
 * toActionTarget('/orders/42'); // { kind: 'internal', path: '/orders/42' }
 */
export function toActionTarget(url: string | null): ActionTarget | null {
  if (!url || !actionUrlSchema.safeParse(url).success) return null;
  return url.startsWith('/') ? { kind: 'internal', path: url } : { kind: 'external', href: url };
}
