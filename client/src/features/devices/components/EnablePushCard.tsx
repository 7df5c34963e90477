import { BellRing, CheckCircle2 } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useEnablePush } from '../api/enablePush';
import { usePushDevices } from '../api/getPushDevices';
import { useNotificationPermission, type PermissionState } from '../hooks/useNotificationPermission';
import { describePushError } from '../utils/pushSetupError';
import { pushUnsupportedReason, thisDeviceId } from '../utils/pushSupport';

const PERMISSION_LABEL = {
  default: 'devices.permission.default',
  granted: 'devices.permission.granted',
  denied: 'devices.permission.denied',
  unsupported: 'devices.permission.unsupported',
} as const satisfies Record<PermissionState, string>;

/** This browser: its permission, "Enable push on this device", and what went wrong if it failed. */
export function EnablePushCard() {
  const intl = useIntl();
  const { permission, refresh } = useNotificationPermission();
  const enable = useEnablePush();
  const devices = usePushDevices();
  const unsupported = pushUnsupportedReason();
  const ownId = thisDeviceId();
  const enabledHere = permission === 'granted' && Boolean(ownId && devices.data?.some((d) => d.id === ownId));

  return (
    <section className="devices__card" aria-labelledby="this-device-title">
      <div className="devices__card-head">
        <span className="icon-tile devices__icon" aria-hidden>
          <BellRing size={18} />
        </span>
        <div>
          <h2 id="this-device-title" className="devices__card-title">
            <FormattedMessage id="devices.thisDevice.title" />
          </h2>
          <p className="devices__muted">
            <FormattedMessage id="devices.thisDevice.text" />
          </p>
        </div>
      </div>

      <p className="devices__permission" data-testid="push-permission" data-state={permission}>
        <FormattedMessage
          id="devices.permission.label"
          values={{ state: <strong>{intl.formatMessage({ id: PERMISSION_LABEL[permission] })}</strong> }}
        />
      </p>

      {unsupported ? (
        <p className="devices__note">
          <FormattedMessage id={unsupported} />
        </p>
      ) : permission === 'denied' ? (
        <p className="devices__note devices__note--warning" role="status">
          <FormattedMessage id="devices.blockedHelp" values={{ strong: (chunks) => <strong>{chunks}</strong> }} />
        </p>
      ) : enabledHere ? (
        <p className="devices__note devices__note--success" role="status">
          <CheckCircle2 size={16} aria-hidden /> <FormattedMessage id="devices.enabledHere" />
        </p>
      ) : (
        <button
          type="button"
          className="btn btn--primary"
          disabled={enable.isPending}
          onClick={() => enable.mutate(undefined, { onSettled: refresh })}
        >
          <FormattedMessage id={enable.isPending ? 'devices.enabling' : 'devices.enable'} />
        </button>
      )}

      {enable.isError && (
        <p className="devices__note devices__note--error" role="alert">
          {describePushError(intl, enable.error)}
        </p>
      )}
    </section>
  );
}
