import { FormattedMessage, useIntl } from 'react-intl';
import type { PreferencesDto } from '@shared/schemas/preferences';
import type { MessageId } from '../../../i18n/messageIds';
import { formatFullDate } from '../../../i18n/dates';
import { consentSource } from '../utils/serverReasons';
import { useUpdateContact } from '../api/updateContact';
import { useEchoedValue } from '../../../hooks/useEchoedValue';

/** The channels that reach the phone number, each with its own recorded opt-in. */
type PhoneChannel = 'sms' | 'whatsapp';

const FIELDS = { sms: 'smsConsent', whatsapp: 'whatsappConsent' } as const satisfies Record<PhoneChannel, keyof PreferencesDto['contact']>;

const MESSAGES: Record<PhoneChannel, { label: MessageId; given: MessageId; none: MessageId }> = {
  sms: { label: 'preferences.consent.label', given: 'preferences.consent.given', none: 'preferences.consent.none' },
  whatsapp: { label: 'preferences.whatsappConsent.label', given: 'preferences.whatsappConsent.given', none: 'preferences.whatsappConsent.none' },
};

interface PhoneConsentProps {
  channel: PhoneChannel;
  contact: PreferencesDto['contact'];
}

/**
 * One phone channel's opt-in (SMS, or WhatsApp, which Meta requires be its own): when and how it was given,
 * and that withdrawing it stops that channel at once.
 */
export function PhoneConsent({ channel, contact }: PhoneConsentProps) {
  const intl = useIntl();
  const update = useUpdateContact();
  const consent = contact[FIELDS[channel]];
  const hasPhone = contact.phone !== null;
  const [checked, echo] = useEchoedValue(consent !== null);
  const messages = MESSAGES[channel];
  const statusId = `pref-consent-status-${channel}`;
  return (
    <div className="pref-consent">
      <label className="pref-checkbox">
        <input
          type="checkbox"
          checked={checked}
          // Without a phone there is nothing to consent to; an old consent can still be withdrawn.
          disabled={!hasPhone && consent === null}
          aria-describedby={statusId}
          onChange={(event) => {
            echo(event.target.checked);
            update.mutate({ [FIELDS[channel]]: event.target.checked });
          }}
        />
        <span>
          <FormattedMessage id={messages.label} />
        </span>
      </label>
      <p id={statusId} className="pref-hint" data-testid={`${channel}-consent-status`}>
        {consent ? (
          <FormattedMessage
            id={messages.given}
            values={{ when: <time dateTime={consent.at}>{formatFullDate(intl, consent.at)}</time>, source: consentSource(intl, consent.source) }}
          />
        ) : hasPhone ? (
          <FormattedMessage id={messages.none} />
        ) : (
          <FormattedMessage id="preferences.consent.addPhoneFirst" />
        )}
      </p>
    </div>
  );
}
