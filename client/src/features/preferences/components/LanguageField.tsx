import { ChevronDown } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useEchoedValue } from '../../../hooks/useEchoedValue';
import { AVAILABLE_LOCALES, browserLocale } from '../../../i18n/catalogs';
import { languageName } from '../../../i18n/languageName';

/** The select's value for "follow the browser" (`locale: null`). */
const AUTOMATIC = '';

/**
 * "Language": the app's and every email's, SMS's and push's language. "Automatic" (the default) follows the
 * browser; each language is named in itself ("Français"), so a person who cannot read the current one still
 * finds theirs.
 */
export function LanguageField({ value, onChange }: { value: string | null; onChange: (locale: string | null) => void }) {
  const intl = useIntl();
  const [shown, echo] = useEchoedValue(value ?? AUTOMATIC);
  return (
    <div className="pref-field">
      <label htmlFor="pref-language">
        <FormattedMessage id="preferences.language.label" />
      </label>
      <span className="pref-select">
        <select
          id="pref-language"
          value={shown}
          aria-describedby="pref-language-hint"
          onChange={(event) => {
            echo(event.target.value);
            onChange(event.target.value === AUTOMATIC ? null : event.target.value);
          }}
        >
          <option value={AUTOMATIC}>
            {intl.formatMessage({ id: 'preferences.language.automatic' }, { language: languageName(browserLocale()) })}
          </option>
          {AVAILABLE_LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {languageName(locale)}
            </option>
          ))}
        </select>
        <ChevronDown size={15} className="pref-select__chevron" aria-hidden />
      </span>
      <p id="pref-language-hint" className="pref-hint">
        <FormattedMessage id="preferences.language.hint" />
      </p>
    </div>
  );
}
