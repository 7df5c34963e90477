import type { PreferencesDto } from '@shared/schemas/preferences';
import { formatFullDate } from '../../../lib/time';
import { useUpdateContact } from '../api/updateContact';
import { useEchoedValue } from '../../../hooks/useEchoedValue';

interface SmsConsentProps {
  consent: PreferencesDto['contact']['smsConsent'];
  hasPhone: boolean;
}

/** The SMS opt-in: when and how it was given, and that withdrawing it stops SMS at once. */
export function SmsConsent({ consent, hasPhone }: SmsConsentProps) {
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
        <span>I agree to receive SMS notifications</span>
      </label>
      <p id="pref-consent-status" className="pref-hint" data-testid="sms-consent-status">
        {consent ? (
          <>
            You agreed on <time dateTime={consent.at}>{formatFullDate(consent.at)}</time> via {consent.source}. Unticking withdraws
            consent: SMS stops at once, including messages not sent yet.
          </>
        ) : hasPhone ? (
          'No consent given: you get no SMS, whatever the table above says.'
        ) : (
          'Add a phone number first.'
        )}
      </p>
    </div>
  );
}
