import { FormattedMessage } from 'react-intl';
import { DeviceList } from './DeviceList';
import { EnablePushCard } from './EnablePushCard';
import './devices.css';

/** `/settings/devices`: turn on Web Push for this browser and manage the devices that receive it. */
export function DevicesPage() {
  return (
    <div className="devices">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">
            <FormattedMessage id="devices.title" />
          </h1>
          <p className="page-header__subtitle">
            <FormattedMessage id="devices.subtitle" />
          </p>
        </div>
      </header>
      <EnablePushCard />
      <DeviceList />
    </div>
  );
}
