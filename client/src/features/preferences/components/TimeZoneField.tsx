import { useMemo } from 'react';
import { ChevronDown, LocateFixed } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useEchoedValue } from '../../../hooks/useEchoedValue';
import { browserTimeZone, OTHER_REGION, timeZoneGroups } from '../utils/timeZones';

/** "Time zone": every IANA zone by region, with "Use this device's zone" when it differs. */
export function TimeZoneField({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const intl = useIntl();
  const [shown, echo] = useEchoedValue(value);
  const groups = useMemo(() => timeZoneGroups(value), [value]);
  const choose = (zone: string) => {
    echo(zone);
    onChange(zone);
  };
  const local = browserTimeZone();
  return (
    <div className="pref-field">
      <label htmlFor="pref-timezone">
        <FormattedMessage id="preferences.timezone.label" />
      </label>
      <div className="pref-timezone">
        <span className="pref-select pref-select--wide">
          <select id="pref-timezone" value={shown} aria-describedby="pref-timezone-hint" onChange={(event) => choose(event.target.value)}>
            {groups.map((group) => (
              <optgroup key={group.region} label={group.region === OTHER_REGION ? intl.formatMessage({ id: 'preferences.timezone.otherRegion' }) : group.region}>
                {group.zones.map((zone) => (
                  <option key={zone.value} value={zone.value}>
                    {zone.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <ChevronDown size={15} className="pref-select__chevron" aria-hidden />
        </span>
        {local && local !== value && (
          <button type="button" className="btn btn--secondary btn--sm" onClick={() => choose(local)}>
            <LocateFixed size={14} aria-hidden />
            <FormattedMessage id="preferences.timezone.useDevice" values={{ zone: local.replaceAll('_', ' ') }} />
          </button>
        )}
      </div>
      <p id="pref-timezone-hint" className="pref-hint">
        <FormattedMessage id="preferences.timezone.hint" />
      </p>
    </div>
  );
}
