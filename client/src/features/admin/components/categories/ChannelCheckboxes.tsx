import { CHANNELS, type Channel } from '@shared/types';
import { CHANNEL_LABELS } from '../../utils/format';
import { FieldError } from '../common/FieldError';

interface ChannelCheckboxesProps {
  /** Prefix of the checkboxes' ids, unique per form. */
  idPrefix: string;
  value: Channel[];
  onChange: (channels: Channel[]) => void;
  error?: string;
  legend?: string;
}

/** "Default channels": one checkbox per delivery channel, in a labelled group. */
export function ChannelCheckboxes({ idPrefix, value, onChange, error, legend = 'Default channels' }: ChannelCheckboxesProps) {
  const toggle = (channel: Channel, on: boolean) =>
    onChange(on ? CHANNELS.filter((item) => item === channel || value.includes(item)) : value.filter((item) => item !== channel));
  return (
    <fieldset className="fieldset" aria-describedby={error ? `${idPrefix}-channels-error` : undefined}>
      <legend>{legend}</legend>
      <div className="checkbox-row">
        {CHANNELS.map((channel) => (
          <label key={channel} className="checkbox">
            <input
              id={`${idPrefix}-${channel}`}
              type="checkbox"
              checked={value.includes(channel)}
              onChange={(event) => toggle(channel, event.target.checked)}
            />
            <span>{CHANNEL_LABELS[channel]}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${idPrefix}-channels`} message={error} />
    </fieldset>
  );
}
