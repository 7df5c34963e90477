import { checkActionUrl } from '@shared/urls';

/** Where a notification's action leads: a route of this app, or another site in a new tab. */
export type ActionTarget = { kind: 'internal'; path: string } | { kind: 'external'; href: string };

/**
 * Classifies an action URL with the shared rule (`shared/urls.ts`), the same the server checks every
 * input with, so nothing else (`javascript:`, `//host`, `/\t/host`) ever becomes a link, whatever the
 * server sent (rows stored before the rule was tightened included).
 *
 * @example
 * toActionTarget('/orders/42'); // { kind: 'internal', path: '/orders/42' }
 * toActionTarget('/\t/evil.example'); // null
 */
export function toActionTarget(url: string | null): ActionTarget | null {
  if (!url) return null;
  const verdict = checkActionUrl(url);
  if (!verdict.ok) return null;
  return verdict.target.kind === 'relative' ? { kind: 'internal', path: verdict.target.path } : { kind: 'external', href: verdict.target.href };
}
