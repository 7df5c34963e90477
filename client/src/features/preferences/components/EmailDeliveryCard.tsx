import { ChevronDown } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { EMAIL_DIGEST_MODES, type EmailDigestMode, type PreferencesDto } from '@shared/schemas/preferences';
import { useUpdatePreferences } from '../api/updatePreferences';
import { useEchoedValue } from '../../../hooks/useEchoedValue';
import { DIGEST_LABELS } from '../utils/labels';
import { TimeInput } from './TimeInput';

/** Per category: each email at once, or an hourly / daily digest of what is still unread; and the digest's time. */
export function EmailDeliveryCard({ prefs }: { prefs: PreferencesDto }) {
  const intl = useIntl();
  const update = useUpdatePreferences();
  const usesDaily = prefs.categories.some((category) => category.emailDigest === 'daily');
  return (
    <section className="pref-card" aria-labelledby="pref-email-title">
      <div className="pref-card__head">
        <h2 id="pref-email-title" className="pref-card__title">
          <FormattedMessage id="preferences.email.title" />
        </h2>
        <p className="pref-card__subtitle">
          <FormattedMessage id="preferences.email.subtitle" />
        </p>
      </div>
      <ul className="pref-digest-list">
        {prefs.categories.map((category) => {
          const id = `pref-digest-${category.key}`;
          const emailOff = !category.channels.email.enabled;
          const hint = category.critical
            ? intl.formatMessage({ id: 'preferences.email.criticalHint' })
            : emailOff
              ? intl.formatMessage({ id: 'preferences.email.offHint' })
              : null;
          return (
            <li key={category.key} className="pref-digest">
              <div className="pref-digest__label">
                <label htmlFor={id}>
                  <FormattedMessage
                    id="preferences.email.categoryLabel"
                    values={{ category: category.label, hidden: (chunks) => <span className="sr-only">{chunks}</span> }}
                  />
                </label>
                {hint && (
                  <span id={`${id}-hint`} className="pref-digest__hint">
                    {hint}
                  </span>
                )}
              </div>
              <DigestSelect
                id={id}
                describedBy={hint ? `${id}-hint` : undefined}
                value={category.critical ? 'immediate' : category.emailDigest}
                disabled={category.critical}
                onChange={(emailDigest) => update.mutate({ categories: { [category.key]: { emailDigest } } })}
              />
            </li>
          );
        })}
      </ul>
      <div className="pref-field">
        <label htmlFor="pref-digest-time">
          <FormattedMessage id="preferences.email.digestTime" />
        </label>
        <TimeInput
          id="pref-digest-time"
          value={prefs.digestTime}
          describedBy="pref-digest-time-hint"
          onCommit={(digestTime) => update.mutate({ digestTime })}
        />
        <p id="pref-digest-time-hint" className="pref-hint">
          <FormattedMessage id="preferences.email.digestTimeHint" values={{ zone: prefs.timezone.replaceAll('_', ' '), usesDaily: usesDaily ? 'yes' : 'no' }} />
        </p>
      </div>
    </section>
  );
}

interface DigestSelectProps {
  id: string;
  describedBy: string | undefined;
  value: EmailDigestMode;
  disabled: boolean;
  onChange: (mode: EmailDigestMode) => void;
}

/** Immediately / Hourly digest / Daily digest for one category. */
function DigestSelect({ id, describedBy, value, disabled, onChange }: DigestSelectProps) {
  const intl = useIntl();
  const [shown, echo] = useEchoedValue(value);
  return (
    <span className="pref-select">
      <select
        id={id}
        value={shown}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => {
          const mode = event.target.value as EmailDigestMode;
          echo(mode);
          onChange(mode);
        }}
      >
        {EMAIL_DIGEST_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {intl.formatMessage({ id: DIGEST_LABELS[mode] })}
          </option>
        ))}
      </select>
      <ChevronDown size={15} className="pref-select__chevron" aria-hidden />
    </span>
  );
}
