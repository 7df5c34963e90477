import type { PreferencesDto, UpdateContactInput } from '../../../shared/schemas/preferences.js';
import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { cancelPendingSms } from './cancelPendingSms.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { publishPreferences } from './getPreferences.js';

export interface UpdateContactOptions {
  /** Recorded with the consent: how it was given ("preferences page", "api"). */
  consentSource?: string;
  now?: Date;
  /** A service's API key acting for the user: the change is audited (the user's own changes are not). */
  actor?: AuditActor;
}

const PhoneRequiredError = () =>
  new HttpError(422, 'phone_required', 'Add a phone number before giving SMS consent', [
    { path: 'smsConsent', message: 'SMS consent needs a phone number' },
  ]);

/**
 * Changes the user's phone number and SMS consent. Consent is for one number: a new or removed number
 * clears it. Withdrawn consent (explicitly or by a number change) also cancels the SMS deliveries still
 * waiting, in the same transaction; then all the user's tabs get the fresh preferences. With an `actor`, the
 * audit event (in the same transaction) names what changed (`phone`, `smsConsent`), not the number.
 *
 * @example
 * await updateContact(ctx, userId, { phone: '+14155550123', smsConsent: true }, { consentSource: 'api' });
 */
export async function updateContact(
  ctx: AppContext,
  userId: string,
  input: UpdateContactInput,
  { consentSource = 'preferences page', now = new Date(), actor }: UpdateContactOptions = {},
): Promise<PreferencesDto> {
  await ctx.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { phone: true, smsConsentAt: true } });
    if (!user) throw NotFoundError('user');
    const phone = input.phone === undefined ? user.phone : input.phone;
    const phoneChanged = phone !== user.phone;
    const hadConsent = user.smsConsentAt !== null && !phoneChanged;
    const consent = input.smsConsent ?? hadConsent;
    if (consent && !phone) throw PhoneRequiredError();

    const data = {
      ...(phoneChanged ? { phone } : {}),
      // Consenting again to the same number keeps the original record: the first agreement is what counts.
      ...(consent && !hadConsent ? { smsConsentAt: now, smsConsentSource: consentSource } : {}),
      ...(!consent && user.smsConsentAt ? { smsConsentAt: null, smsConsentSource: null } : {}),
    };
    if (Object.keys(data).length > 0) await tx.user.update({ where: { id: userId }, data });
    const fields = [...(phoneChanged ? ['phone'] : []), ...(consent !== (user.smsConsentAt !== null) ? ['smsConsent'] : [])];
    if (actor && fields.length > 0) await appendAuditEvent(tx, actor, { action: 'user.contact_updated', target: { type: 'user', id: userId }, after: { fields } });
    if (!consent && user.smsConsentAt) {
      await cancelPendingSms(tx, userId, input.smsConsent === false ? 'SMS consent withdrawn' : 'Phone number changed: SMS consent withdrawn');
    }
  });
  return publishPreferences(ctx, userId);
}
