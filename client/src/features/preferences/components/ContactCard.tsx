import { ChevronRight, Smartphone } from 'lucide-react';
import { FormattedMessage } from 'react-intl';
import type { PreferencesDto } from '@shared/schemas/preferences';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { PhoneForm } from './PhoneForm';
import { PhoneConsent } from './PhoneConsent';

/** Where notifications can reach the user: email (from the account), phone with SMS and WhatsApp consents, push devices. */
export function ContactCard({ prefs }: { prefs: PreferencesDto }) {
  const { contact } = prefs;
  const { Link, appPages } = useInboxEnvironment();
  return (
    <section className="pref-card" aria-labelledby="pref-contact-title" id="contact">
      <div className="pref-card__head">
        <h2 id="pref-contact-title" className="pref-card__title" tabIndex={-1}>
          <FormattedMessage id="preferences.contact.title" />
        </h2>
        <p className="pref-card__subtitle">
          <FormattedMessage id="preferences.contact.subtitle" />
        </p>
      </div>
      <div className="pref-field">
        <label htmlFor="pref-email">
          <FormattedMessage id="common.email" />
        </label>
        <input id="pref-email" type="email" className="pref-input" value={contact.email} readOnly aria-describedby="pref-email-hint" />
        <p id="pref-email-hint" className="pref-hint">
          <FormattedMessage id="preferences.contact.emailHint" />
        </p>
      </div>
      <PhoneForm phone={contact.phone} hasConsent={contact.smsConsent !== null || contact.whatsappConsent !== null} />
      <PhoneConsent channel="sms" contact={contact} />
      <PhoneConsent channel="whatsapp" contact={contact} />
      <div className="pref-devices">
        <span className="icon-tile" aria-hidden>
          <Smartphone size={16} />
        </span>
        <div className="pref-devices__text">
          <h3 className="pref-devices__title">
            <FormattedMessage id="preferences.contact.pushDevices" />
          </h3>
          <p className="pref-hint" data-testid="push-device-count">
            <FormattedMessage id="preferences.contact.pushDeviceCount" values={{ count: contact.pushDevices }} />
          </p>
        </div>
        {appPages && (
          <Link to="/settings/devices" className="btn btn--secondary btn--sm">
            <FormattedMessage id="preferences.contact.manageDevices" />
            <ChevronRight size={14} aria-hidden />
          </Link>
        )}
      </div>
    </section>
  );
}
