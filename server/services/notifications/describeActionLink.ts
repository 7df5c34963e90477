import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { parseActions } from '../sends/sendSpec.js';
import { requireReadClaim } from './readLink.js';
import type { ReadClaim } from './readToken.js';

/** What an email's action link is about, for its confirmation page (nothing is changed by reading it). */
export interface ActionLinkView {
  claim: ReadClaim;
  /** The notification's title and the action's label. */
  title: string;
  label: string;
  /** The label of the action already taken on it, if any (this one or another). */
  takenLabel: string | null;
  /** The recipient's language, for the page. */
  locale: string;
}

/**
 * Reads an email action link (`/api/email-actions/act/<read token>/<action id>`) without acting on it:
 * the page a GET shows, where the person confirms with a POST.
 *
 * @throws HttpError 400 `invalid_token`, 404 `not_found` (the notification is gone), 404 `unknown_action`
 * @example
 * const view = await describeActionLink(ctx, token, 'approve');
 */
export async function describeActionLink(ctx: Pick<AppContext, 'db' | 'signingSecret'>, token: string, actionId: string): Promise<ActionLinkView> {
  const claim = requireReadClaim(ctx.signingSecret, token);
  const row = await ctx.db.notification.findFirst({
    where: { id: claim.notificationId, userId: claim.userId },
    select: { title: true, actions: true, actedActionId: true, user: { select: { locale: true } } },
  });
  if (!row) throw NotFoundError('notification');
  const actions = parseActions(row.actions);
  const action = actions.find((a) => a.id === actionId && a.kind === 'acknowledge');
  if (!action) throw new HttpError(404, 'unknown_action', `This notification has no action "${actionId}"`, [{ path: 'actionId', message: 'No such action' }]);
  const taken = row.actedActionId === null ? null : (actions.find((a) => a.id === row.actedActionId)?.label ?? row.actedActionId);
  return { claim, title: row.title, label: action.label, takenLabel: taken, locale: row.user.locale };
}
