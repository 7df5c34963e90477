import type { ChannelStatusDto } from '@shared/schemas/delivery';
import { useUpdateChannel } from '../../api/channels/updateChannel';
import { CHANNEL_LABELS } from '../../utils/format';

/** The runtime switch of one channel, named "Email enabled" etc. for assistive tech. */
export function ChannelSwitch({ status }: { status: ChannelStatusDto }) {
  const update = useUpdateChannel();
  const label = CHANNEL_LABELS[status.channel];
  const id = `channel-switch-${status.channel}`;
  return (
    <label className="switch" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch__input"
        checked={status.enabled}
        disabled={update.isPending}
        onChange={(event) => update.mutate({ channel: status.channel, enabled: event.target.checked })}
        data-testid="channel-switch"
      />
      <span className="switch__track" aria-hidden>
        <span className="switch__thumb" />
      </span>
      <span className="switch__label">
        <span className="sr-only">{label} </span>
        <span className="switch__text">enabled</span>
      </span>
    </label>
  );
}
