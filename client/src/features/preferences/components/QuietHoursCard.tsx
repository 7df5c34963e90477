import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PreferencesDto, QuietHours } from '@shared/schemas/preferences';
import { useUpdatePreferences } from '../api/updatePreferences';
import { useEchoedValue } from '../../../hooks/useEchoedValue';
import { TimeInput } from './TimeInput';
import { LanguageField } from './LanguageField';
import { TimeZoneField } from './TimeZoneField';

const DEFAULT_QUIET_HOURS: QuietHours = { start: '22:00', end: '07:00' };

/**
 * The user's language (the app's and what is sent to them), time zone and quiet hours, which both digests
 * and quiet hours are counted in.
 */
export function QuietHoursCard({ prefs }: { prefs: PreferencesDto }) {
  const intl = useIntl();
  const update = useUpdatePreferences();
  // Turning quiet hours off stores null; remember the window so turning them back on restores it.
  const [lastWindow, setLastWindow] = useState<QuietHours>(prefs.quietHours ?? DEFAULT_QUIET_HOURS);
  const hours = prefs.quietHours ?? lastWindow;
  const [on, echoOn] = useEchoedValue(prefs.quietHours !== null);
  const [error, setError] = useState<string | null>(null);
  const save = (next: QuietHours) => {
    if (next.start === next.end) {
      setError(intl.formatMessage({ id: 'preferences.quiet.mustDiffer' }));
      return false;
    }
    setError(null);
    setLastWindow(next);
    update.mutate({ quietHours: next });
    return true;
  };

  return (
    <section className="pref-card" aria-labelledby="pref-quiet-title">
      <div className="pref-card__head">
        <h2 id="pref-quiet-title" className="pref-card__title">
          <FormattedMessage id="preferences.schedule.title" />
        </h2>
        <p className="pref-card__subtitle">
          <FormattedMessage id="preferences.schedule.subtitle" />
        </p>
      </div>
      <LanguageField value={prefs.locale} onChange={(locale) => update.mutate({ locale })} />
      <TimeZoneField value={prefs.timezone} onChange={(timezone) => update.mutate({ timezone })} />
      <div className="pref-quiet">
        <label className="pref-checkbox">
          <input
            type="checkbox"
            checked={on}
            aria-describedby="pref-quiet-explanation"
            onChange={(event) => {
              echoOn(event.target.checked);
              update.mutate({ quietHours: event.target.checked ? hours : null });
            }}
          />
          <span>
            <FormattedMessage id="preferences.quiet.label" />
          </span>
        </label>
        <div className="pref-quiet__times">
          <div className="pref-field">
            <label htmlFor="pref-quiet-start">
              <FormattedMessage id="preferences.quiet.from" />
            </label>
            <TimeInput id="pref-quiet-start" value={hours.start} disabled={!on} onCommit={(start) => save({ ...hours, start })} />
          </div>
          <div className="pref-field">
            <label htmlFor="pref-quiet-end">
              <FormattedMessage id="preferences.quiet.until" />
            </label>
            <TimeInput id="pref-quiet-end" value={hours.end} disabled={!on} onCommit={(end) => save({ ...hours, end })} />
          </div>
        </div>
        {error && (
          <p className="pref-error" role="alert">
            {error}
          </p>
        )}
        <p id="pref-quiet-explanation" className="pref-hint">
          <FormattedMessage id="preferences.quiet.explanation" />
        </p>
      </div>
    </section>
  );
}
