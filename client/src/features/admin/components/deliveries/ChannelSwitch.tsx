import { FormattedMessage } from 'react-intl';
import type { ChannelStatusDto } from '@shared/schemas/delivery';
import { Switch } from '../../../../components/Switch';
import { useUpdateChannel } from '../../api/channels/updateChannel';
import { CHANNEL_NAMES } from '../../../preferences';

/** The runtime switch of one channel, named "Email enabled" etc. for assistive tech. */
export function ChannelSwitch({ status }: { status: ChannelStatusDto }) {
  const update = useUpdateChannel();
  return (
    <Switch
      id={`channel-switch-${status.channel}`}
      className="switch--status"
      label={
        <FormattedMessage
          id="admin.channel.enabled"
          values={{ channel: <FormattedMessage id={CHANNEL_NAMES[status.channel]} />, hidden: (chunks) => <span className="sr-only">{chunks}</span> }}
        />
      }
      checked={status.enabled}
      disabled={update.isPending}
      onChange={(enabled) => update.mutate({ channel: status.channel, enabled })}
      testId="channel-switch"
    />
  );
}
