import type { UpsertUserInput, UserDto } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import { presentUser } from '../../presenters/directory.js';
import { cancelPendingSms } from '../preferences/cancelPendingSms.js';
import { retryOnUniqueViolation } from '../uniqueViolation.js';

export interface UpsertUserResult {
  user: UserDto;
  /** True when no user had this externalId before (the route answers 201). */
  created: boolean;
}

/** 409 with a field path, so a service can show which field clashes. */
export const EmailTakenError = () =>
  new HttpError(409, 'email_taken', 'Another user already has this email', [{ path: 'email', message: 'Already used by another user' }]);

/**
 * Creates or updates the user a calling system knows as `externalId`. Emails are stored lower-case (lookups
 * by email compare lower-case); optional fields left out keep their stored value on update.
 *
 * @example
 * const { user, created } = await upsertUserByExternalId(db, 'crm-42', { email: 'Ada@Example.com', name: 'Ada' });
 */
export async function upsertUserByExternalId(db: Db, externalId: string, input: UpsertUserInput): Promise<UpsertUserResult> {
  const email = input.email.toLowerCase();
  const fields = { email, name: input.name, phone: input.phone, timezone: input.timezone, locale: input.locale };
  // Two concurrent first PUTs race on the unique externalId/email: the retry sees the winner's row.
  return retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { externalId }, select: { id: true, phone: true } });
      const holder = await tx.user.findUnique({ where: { email }, select: { id: true } });
      if (holder && holder.id !== existing?.id) throw EmailTakenError();
      if (existing) {
        // SMS consent is given for one number: a new number needs new consent (PATCH …/contact).
        const phoneChanged = input.phone !== undefined && input.phone !== existing.phone;
        const consent = phoneChanged ? { smsConsentAt: null, smsConsentSource: null } : {};
        if (phoneChanged) await cancelPendingSms(tx, existing.id, 'Phone number changed: SMS consent withdrawn');
        return { user: presentUser(await tx.user.update({ where: { id: existing.id }, data: { ...fields, ...consent } })), created: false };
      }
      return { user: presentUser(await tx.user.create({ data: { ...fields, externalId } })), created: true };
    }),
  );
}
