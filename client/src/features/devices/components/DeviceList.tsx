import { Monitor, Smartphone } from 'lucide-react';
import type { PushDeviceDto } from '@shared/schemas/delivery';
import { useNow } from '../../../hooks/useNow';
import { formatFullDate, formatRelativeTime } from '../../../lib/time';
import { usePushDevices } from '../api/getPushDevices';
import { useRemovePushDevice } from '../api/removePushDevice';
import { describeUserAgent } from '../utils/describeUserAgent';
import { thisDeviceId } from '../utils/pushSupport';

/** Every device of the user that receives push, with "Remove". */
export function DeviceList() {
  const devices = usePushDevices();
  const remove = useRemovePushDevice();
  const now = useNow(30_000);
  const ownId = thisDeviceId();

  return (
    <section className="devices__card devices__card--flush" aria-labelledby="devices-title">
      <h2 id="devices-title" className="devices__card-title devices__card-title--padded">
        Your devices
      </h2>
      {devices.isPending ? (
        <p className="devices__muted devices__padded" role="status">
          Loading devices…
        </p>
      ) : devices.isError ? (
        <div className="devices__padded" role="alert">
          <p>Couldn’t load your devices: {devices.error.message}</p>
          <button type="button" className="btn btn--secondary btn--sm" onClick={() => void devices.refetch()}>
            Try again
          </button>
        </div>
      ) : devices.data.length === 0 ? (
        <p className="devices__muted devices__padded">No devices yet. Enable push above to add this one.</p>
      ) : (
        <ul className="devices__list" data-testid="push-devices">
          {devices.data.map((device) => (
            <DeviceRow
              key={device.id}
              device={device}
              now={now}
              isThisDevice={device.id === ownId}
              onRemove={() => remove.mutate(device.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface DeviceRowProps {
  device: PushDeviceDto;
  now: number;
  isThisDevice: boolean;
  onRemove: () => void;
}

/** One device: "Chrome on Linux", when it was added and last used. */
function DeviceRow({ device, now, isThisDevice, onRemove }: DeviceRowProps) {
  const name = describeUserAgent(device.userAgent);
  const Icon = /Android|iOS/.test(name) ? Smartphone : Monitor;
  return (
    <li className="devices__row" data-testid="push-device">
      <Icon size={18} className="devices__row-icon" aria-hidden />
      <div className="devices__row-main">
        <p className="devices__row-name" title={device.userAgent}>
          {name}
          {isThisDevice && <span className="chip">This device</span>}
        </p>
        <p className="devices__muted">
          Added <time dateTime={device.createdAt} title={formatFullDate(device.createdAt)}>{formatRelativeTime(device.createdAt, now)}</time>
          {' · '}
          {device.lastUsedAt ? (
            <>
              last used <time dateTime={device.lastUsedAt} title={formatFullDate(device.lastUsedAt)}>{formatRelativeTime(device.lastUsedAt, now)}</time>
            </>
          ) : (
            'not used yet'
          )}
        </p>
      </div>
      <button type="button" className="btn btn--ghost btn--sm" aria-label={`Remove ${name}`} onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}
