import { FormattedMessage, useIntl } from 'react-intl';
import type { PreferencesDto } from '@shared/schemas/preferences';
import { formatFullDate } from '../../../i18n/dates';
import { consentSource } from '../utils/serverReasons';
import { useUpdateContact } from '../api/updateContact';
import { useEchoedValue } from '../../../hooks/useEchoedValue';

interface SmsConsentProps {
  consent: PreferencesDto['contact']['smsConsent'];
  hasPhone: boolean;
}

/** The SMS opt-in: when and how it was given, and that withdrawing it stops SMS at once. */
export function SmsConsent({ consent, hasPhone }: SmsConsentProps) {
  const intl = useIntl();
  const update = useUpdateContact();
  const [checked, echo] = useEchoedValue(consent !== null);
  return (
    <div className="pref-consent">
      <label className="pref-checkbox">
        <input
          type="checkbox"
          checked={checked}
          // Without a phone there is nothing to consent to; an old consent can still be withdrawn.
          disabled={!hasPhone && consent === null}
          aria-describedby="pref-consent-status"
          onChange={(event) => {
            echo(event.target.checked);
            update.mutate({ smsConsent: event.target.checked });
          }}
        />
        <span>
          <FormattedMessage id="preferences.consent.label" />
        </span>
      </label>
      <p id="pref-consent-status" className="pref-hint" data-testid="sms-consent-status">
        {consent ? (
          <FormattedMessage
            id="preferences.consent.given"
            values={{ when: <time dateTime={consent.at}>{formatFullDate(intl, consent.at)}</time>, source: consentSource(intl, consent.source) }}
          />
        ) : hasPhone ? (
          <FormattedMessage id="preferences.consent.none" />
        ) : (
          <FormattedMessage id="preferences.consent.addPhoneFirst" />
        )}
      </p>
    </div>
  );
}
