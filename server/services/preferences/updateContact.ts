import type { PreferencesDto, UpdateContactInput } from '../../../shared/schemas/preferences.js';
import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { cancelPendingDeliveries } from './cancelPendingDeliveries.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { publishPreferences } from './getPreferences.js';
import { PHONE_CONSENTS, type PhoneConsentChannel } from './phoneConsents.js';

export interface UpdateContactOptions {
  /** Recorded with the consent: how it was given ("preferences page", "api"). */
  consentSource?: string;
  now?: Date;
  /** A service's API key acting for the user: the change is audited (the user's own changes are not). */
  actor?: AuditActor;
}

const PhoneRequiredError = (channel: PhoneConsentChannel) =>
  new HttpError(422, 'phone_required', `Add a phone number before giving ${PHONE_CONSENTS[channel].label} consent`, [
    { path: PHONE_CONSENTS[channel].input, message: `${PHONE_CONSENTS[channel].label} consent needs a phone number` },
  ]);

/**
 * Changes the user's phone number and their SMS and WhatsApp consents (each its own record: Meta requires
 * an explicit WhatsApp opt-in). Consent is for one number: a new or removed number clears both. Withdrawn
 * consent (explicitly or by a number change) also cancels that channel's deliveries still waiting, in the
 * same transaction; then all the user's tabs get the fresh preferences. With an `actor`, the audit event (in
 * the same transaction) names what changed (`phone`, `smsConsent`, `whatsappConsent`), not the number.
 *
 * @example
 * await updateContact(ctx, userId, { phone: '+14155550123', smsConsent: true, whatsappConsent: true }, { consentSource: 'api' });
 */
export async function updateContact(
  ctx: AppContext,
  userId: string,
  input: UpdateContactInput,
  { consentSource = 'preferences page', now = new Date(), actor }: UpdateContactOptions = {},
): Promise<PreferencesDto> {
  await ctx.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { phone: true, smsConsentAt: true, whatsappConsentAt: true } });
    if (!user) throw NotFoundError('user');
    const phone = input.phone === undefined ? user.phone : input.phone;
    const phoneChanged = phone !== user.phone;
    const data: Record<string, unknown> = phoneChanged ? { phone } : {};
    const fields = phoneChanged ? ['phone'] : [];
    const withdrawn: { channel: PhoneConsentChannel; reason: string }[] = [];
    for (const channel of Object.keys(PHONE_CONSENTS) as PhoneConsentChannel[]) {
      const { at, source, input: key, label } = PHONE_CONSENTS[channel];
      const had = user[at] !== null;
      const hadConsent = had && !phoneChanged;
      const consent = input[key] ?? hadConsent;
      if (consent && !phone) throw PhoneRequiredError(channel);
      // Consenting again to the same number keeps the original record: the first agreement is what counts.
      if (consent && !hadConsent) Object.assign(data, { [at]: now, [source]: consentSource });
      if (!consent && had) {
        Object.assign(data, { [at]: null, [source]: null });
        withdrawn.push({ channel, reason: input[key] === false ? `${label} consent withdrawn` : `Phone number changed: ${label} consent withdrawn` });
      }
      if (consent !== had) fields.push(key);
    }
    if (Object.keys(data).length > 0) await tx.user.update({ where: { id: userId }, data });
    if (actor && fields.length > 0) await appendAuditEvent(tx, actor, { action: 'user.contact_updated', target: { type: 'user', id: userId }, after: { fields } });
    for (const { channel, reason } of withdrawn) await cancelPendingDeliveries(tx, userId, channel, reason);
  });
  return publishPreferences(ctx, userId);
}
