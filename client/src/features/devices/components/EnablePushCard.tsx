import { BellRing, CheckCircle2 } from 'lucide-react';
import { useEnablePush } from '../api/enablePush';
import { usePushDevices } from '../api/getPushDevices';
import { useNotificationPermission, type PermissionState } from '../hooks/useNotificationPermission';
import { describePushError } from '../utils/pushSetupError';
import { pushUnsupportedReason, thisDeviceId } from '../utils/pushSupport';

const PERMISSION_LABEL: Record<PermissionState, string> = {
  default: 'Not asked yet',
  granted: 'Allowed',
  denied: 'Blocked',
  unsupported: 'Not available',
};

/** This browser: its permission, "Enable push on this device", and what went wrong if it failed. */
export function EnablePushCard() {
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
            This device
          </h2>
          <p className="devices__muted">
            Your browser asks for permission when you click the button, never before. Removing a device below stops
            pushes to it.
          </p>
        </div>
      </div>

      <p className="devices__permission" data-testid="push-permission" data-state={permission}>
        Browser permission: <strong>{PERMISSION_LABEL[permission]}</strong>
      </p>

      {unsupported ? (
        <p className="devices__note">{unsupported}</p>
      ) : permission === 'denied' ? (
        <p className="devices__note devices__note--warning" role="status">
          Notifications are blocked for this site. To allow them, open the site settings (the icon left of the address
          bar), set <strong>Notifications</strong> to <strong>Allow</strong>, then reload this page.
        </p>
      ) : enabledHere ? (
        <p className="devices__note devices__note--success" role="status">
          <CheckCircle2 size={16} aria-hidden /> Push is on for this device.
        </p>
      ) : (
        <button
          type="button"
          className="btn btn--primary"
          disabled={enable.isPending}
          onClick={() => enable.mutate(undefined, { onSettled: refresh })}
        >
          {enable.isPending ? 'Enabling…' : 'Enable push on this device'}
        </button>
      )}

      {enable.isError && (
        <p className="devices__note devices__note--error" role="alert">
          {describePushError(enable.error)}
        </p>
      )}
    </section>
  );
}
