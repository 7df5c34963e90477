import type { ChannelStatusDto } from '@shared/schemas/delivery';
import { Switch } from '../../../../components/Switch';
import { useUpdateChannel } from '../../api/channels/updateChannel';
import { CHANNEL_LABELS } from '../../utils/format';

/** The runtime switch of one channel, named "Email enabled" etc. for assistive tech. */
export function ChannelSwitch({ status }: { status: ChannelStatusDto }) {
  const update = useUpdateChannel();
  return (
    <Switch
      id={`channel-switch-${status.channel}`}
      className="switch--status"
      label={
        <>
          <span className="sr-only">{CHANNEL_LABELS[status.channel]} </span>enabled
        </>
      }
      checked={status.enabled}
      disabled={update.isPending}
      onChange={(enabled) => update.mutate({ channel: status.channel, enabled })}
      testId="channel-switch"
    />
  );
}
