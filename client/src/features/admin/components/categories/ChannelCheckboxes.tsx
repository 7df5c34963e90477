import { FormattedMessage } from 'react-intl';
import { CHANNELS, type Channel } from '@shared/types';
import { CHANNEL_NAMES } from '../../../preferences';
import { FieldError } from '../common/FieldError';

interface ChannelCheckboxesProps {
  /** Prefix of the checkboxes' ids, unique per form. */
  idPrefix: string;
  value: Channel[];
  onChange: (channels: Channel[]) => void;
  error?: string;
}

/** "Default channels": one checkbox per delivery channel, in a labelled group. */
export function ChannelCheckboxes({ idPrefix, value, onChange, error }: ChannelCheckboxesProps) {
  const toggle = (channel: Channel, on: boolean) =>
    onChange(on ? CHANNELS.filter((item) => item === channel || value.includes(item)) : value.filter((item) => item !== channel));
  return (
    <fieldset className="fieldset" aria-describedby={error ? `${idPrefix}-channels-error` : undefined}>
      <legend>
        <FormattedMessage id="admin.categories.col.channels" />
      </legend>
      <div className="checkbox-row">
        {CHANNELS.map((channel) => (
          <label key={channel} className="checkbox">
            <input
              id={`${idPrefix}-${channel}`}
              type="checkbox"
              checked={value.includes(channel)}
              onChange={(event) => toggle(channel, event.target.checked)}
            />
            <span>
              <FormattedMessage id={CHANNEL_NAMES[channel]} />
            </span>
          </label>
        ))}
      </div>
      <FieldError id={`${idPrefix}-channels`} message={error} />
    </fieldset>
  );
}
