import type { UpsertUserInput, UserDto } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { usableOutboundUrl } from '../../outbound/checkOutboundUrl.js';
import type { OutboundPolicy } from '../../outbound/outboundPolicy.js';
import { presentUser } from '../../presenters/directory.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { cancelPendingDeliveries } from '../preferences/cancelPendingDeliveries.js';
import { retryOnUniqueViolation } from '../uniqueViolation.js';

export interface UpsertUserResult {
  user: UserDto;
  /** True when no user had this externalId before (the route answers 201). */
  created: boolean;
}

/**
 * 409 with a field path, so a service can show which field clashes. The email is never a way to claim an
 * existing account (an invited user, say): an admin links it to the externalId instead (setUserExternalId).
 */
export const EmailTakenError = () =>
  new HttpError(409, 'email_taken', 'Another user already has this email', [
    { path: 'email', message: 'Already used by another user; an admin can link that user to this externalId (Admin → Users)' },
  ]);

/**
 * 409 for a new email on a user who has a FlashNotify account (a password): the address is where "Forgot
 * password?" sends the reset link, so whoever may move it may take the account over. A service's key is no
 * such credential: the address of an account stays the one its owner (or the admin's invitation) gave it.
 */
export const AccountEmailLockedError = () =>
  new HttpError(409, 'account_email_locked', 'This user has a FlashNotify account: its email is its sign-in and cannot be changed through the API', [
    { path: 'email', message: 'The sign-in email of an account; send the one it has' },
  ]);

/**
 * 409 for an email an admin has invited someone with, while that invitation is pending: accepting it gives the
 * user with that email a password (and the invited role), so a key that could put the address on a user of
 * its choosing first would decide whose account the invitee gets, with the key's externalId on it.
 */
export const InvitationPendingError = () =>
  new HttpError(409, 'invitation_pending', 'This email has a pending invitation; an admin links the account once it is accepted', [
    { path: 'email', message: 'Invited by an admin: not available until the invitation is accepted, revoked or expired' },
  ]);

/**
 * Creates or updates the user a calling system knows as `externalId`. Emails are stored lower-case (lookups
 * by email compare lower-case); optional fields left out keep their stored value on update. The email of a
 * user who has an account (a password, e.g. after accepting an invitation) is not changed: 409
 * `account_email_locked` (AccountEmailLockedError); an email with a pending invitation is not given to anyone:
 * 409 `invitation_pending` (InvitationPendingError). Audited in the same transaction (`user.created`, or
 * `user.updated` naming the fields whose value changed; none changed: no event), without the values.
 * A `teamsWebhookUrl` must pass the outbound rules (`outbound`: https, a public host), else 400 naming it.
 *
 * @example
 * const { user, created } = await upsertUserByExternalId(db, { externalId: 'crm-42', input: { email: 'Ada@Example.com', name: 'Ada' }, actor, outbound });
 */
export async function upsertUserByExternalId(
  db: Db,
  { externalId, input, actor, outbound }: { externalId: string; input: UpsertUserInput; actor: AuditActor; outbound: OutboundPolicy },
): Promise<UpsertUserResult> {
  const email = input.email.toLowerCase();
  const teamsWebhookUrl = input.teamsWebhookUrl ? usableOutboundUrl(input.teamsWebhookUrl, outbound, 'teamsWebhookUrl') : input.teamsWebhookUrl;
  const fields = { email, name: input.name, phone: input.phone, slackUserId: input.slackUserId, teamsWebhookUrl, timezone: input.timezone, locale: input.locale,
    // A service that knows its user's language sets it for good: the browser no longer decides.
    ...(input.locale !== undefined && { localeChosen: true }) };
  // Two concurrent first PUTs race on the unique externalId/email: the retry sees the winner's row.
  return retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({
        where: { externalId },
        select: { id: true, phone: true, slackUserId: true, teamsWebhookUrl: true, email: true, passwordHash: true, name: true, timezone: true, locale: true },
      });
      const holder = await tx.user.findUnique({ where: { email }, select: { id: true } });
      if (holder && holder.id !== existing?.id) throw EmailTakenError();
      if (existing?.passwordHash && existing.email !== email) throw AccountEmailLockedError();
      if (existing?.email !== email) {
        const invited = await tx.invitation.count({ where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } });
        if (invited > 0) throw InvitationPendingError();
      }
      if (existing) {
        // SMS and WhatsApp consents are given for one number: a new number needs new consent (PATCH …/contact).
        const phoneChanged = input.phone !== undefined && input.phone !== existing.phone;
        const consent = phoneChanged ? { smsConsentAt: null, smsConsentSource: null, whatsappConsentAt: null, whatsappConsentSource: null } : {};
        if (phoneChanged) {
          await cancelPendingDeliveries(tx, existing.id, 'sms', 'Phone number changed: SMS consent withdrawn');
          await cancelPendingDeliveries(tx, existing.id, 'whatsapp', 'Phone number changed: WhatsApp consent withdrawn');
        }
        // A new email only while the user still has no password: an invitation accepted since the read above
        // (another transaction, READ COMMITTED on PostgreSQL) must not get its account's address moved.
        const emailChanged = existing.email !== email;
        // A Slack member id found from the old email (users.lookupByEmail) is someone else's now.
        const slack = emailChanged && input.slackUserId === undefined ? { slackUserId: null } : {};
        const { count } = await tx.user.updateMany({
          where: { id: existing.id, ...(emailChanged ? { passwordHash: null } : {}) },
          data: { ...fields, ...consent, ...slack },
        });
        if (count === 0) throw emailChanged ? AccountEmailLockedError() : NotFoundError('user');
        const changed = (['email', 'name', 'phone', 'slackUserId', 'teamsWebhookUrl', 'timezone', 'locale'] as const).filter((f) => fields[f] !== undefined && fields[f] !== existing[f]);
        if (changed.length > 0) await appendAuditEvent(tx, actor, { action: 'user.updated', target: { type: 'user', id: existing.id }, after: { fields: changed } });
        return { user: presentUser(await tx.user.findUniqueOrThrow({ where: { id: existing.id } })), created: false };
      }
      const created = await tx.user.create({ data: { ...fields, externalId } });
      await appendAuditEvent(tx, actor, { action: 'user.created', target: { type: 'user', id: created.id } });
      return { user: presentUser(created), created: true };
    }),
  );
}
