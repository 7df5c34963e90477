import { Monitor, Smartphone } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PushDeviceDto } from '@shared/schemas/delivery';
import { useNow } from '../../../hooks/useNow';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { formatAge, formatFullDate } from '../../../i18n/dates';
import { usePushDevices } from '../api/getPushDevices';
import { useRemovePushDevice } from '../api/removePushDevice';
import { describeUserAgent } from '../utils/describeUserAgent';
import { thisDeviceId } from '../utils/pushSupport';

/** Every device of the user that receives push, with "Remove". */
export function DeviceList() {
  const intl = useIntl();
  const devices = usePushDevices();
  const remove = useRemovePushDevice();
  const now = useNow(30_000);
  const ownId = thisDeviceId();

  return (
    <section className="devices__card devices__card--flush" aria-labelledby="devices-title">
      <h2 id="devices-title" className="devices__card-title devices__card-title--padded">
        <FormattedMessage id="devices.list.title" />
      </h2>
      {devices.isPending ? (
        <p className="devices__muted devices__padded" role="status">
          <FormattedMessage id="devices.list.loading" />
        </p>
      ) : devices.isError ? (
        <div className="devices__padded" role="alert">
          <p>
            <FormattedMessage id="devices.list.loadFailed" values={{ reason: apiErrorMessage(intl, devices.error, 'errors.unreachable') }} />
          </p>
          <button type="button" className="btn btn--secondary btn--sm" onClick={() => void devices.refetch()}>
            <FormattedMessage id="common.tryAgain" />
          </button>
        </div>
      ) : devices.data.length === 0 ? (
        <p className="devices__muted devices__padded">
          <FormattedMessage id="devices.list.empty" />
        </p>
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
  const intl = useIntl();
  const name = describeUserAgent(intl, device.userAgent);
  const Icon = /Android|iOS/.test(name) ? Smartphone : Monitor;
  return (
    <li className="devices__row" data-testid="push-device">
      <Icon size={18} className="devices__row-icon" aria-hidden />
      <div className="devices__row-main">
        <p className="devices__row-name" title={device.userAgent}>
          {name}
          {isThisDevice && (
            <span className="chip">
              <FormattedMessage id="account.sessions.thisDevice" />
            </span>
          )}
        </p>
        <p className="devices__muted">
          <FormattedMessage
            id="devices.list.added"
            values={{
              when: (
                <time dateTime={device.createdAt} title={formatFullDate(intl, device.createdAt)}>
                  {formatAge(intl, device.createdAt, now)}
                </time>
              ),
            }}
          />
          {' · '}
          {device.lastUsedAt ? (
            <FormattedMessage
              id="devices.list.lastUsed"
              values={{
                when: (
                  <time dateTime={device.lastUsedAt} title={formatFullDate(intl, device.lastUsedAt)}>
                    {formatAge(intl, device.lastUsedAt, now)}
                  </time>
                ),
              }}
            />
          ) : (
            <FormattedMessage id="devices.list.notUsed" />
          )}
        </p>
      </div>
      <button type="button" className="btn btn--ghost btn--sm" aria-label={intl.formatMessage({ id: 'devices.list.removeLabel' }, { name })} onClick={onRemove}>
        <FormattedMessage id="devices.list.remove" />
      </button>
    </li>
  );
}
