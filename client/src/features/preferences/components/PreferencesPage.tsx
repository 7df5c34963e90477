import { LoaderCircle } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { usePreferences } from '../api/getPreferences';
import { ChannelSwitches } from './ChannelSwitches';
import { ContactCard } from './ContactCard';
import { EmailDeliveryCard } from './EmailDeliveryCard';
import { PreferenceMatrix } from './PreferenceMatrix';
import { QuietHoursCard } from './QuietHoursCard';
import { SaveStatus } from './SaveStatus';
import './controls.css';
import './preferences.css';

/**
 * `/settings/preferences` (and the embedded `<Preferences/>`): which notifications reach the user where and
 * when. Every change saves at once; changes made in other tabs arrive through the socket. `headingLevel`:
 * the app's page has its h1; a host page usually has its own.
 */
export function PreferencesPage({ headingLevel = 1 }: { headingLevel?: 1 | 2 }) {
  const intl = useIntl();
  const prefs = usePreferences();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="pref-page">
      <header className="page-header pref-page__header">
        <div>
          <Heading className="page-header__title">
            <FormattedMessage id="preferences.title" />
          </Heading>
          <p className="page-header__subtitle">
            <FormattedMessage id="preferences.subtitle" />
          </p>
        </div>
        {prefs.isSuccess && <SaveStatus />}
      </header>
      {prefs.isPending ? (
        <p className="pref-loading" role="status">
          <LoaderCircle size={16} className="spin" aria-hidden />
          <FormattedMessage id="preferences.loading" />
        </p>
      ) : prefs.isError ? (
        <div className="pref-card pref-card--center" role="alert">
          <p className="pref-card__title">
            <FormattedMessage id="preferences.loadFailed" />
          </p>
          <p className="pref-hint">{apiErrorMessage(intl, prefs.error, 'errors.unreachable')}</p>
          <button type="button" className="btn btn--secondary" onClick={() => void prefs.refetch()}>
            <FormattedMessage id="common.tryAgain" />
          </button>
        </div>
      ) : (
        <>
          <ChannelSwitches prefs={prefs.data} />
          <PreferenceMatrix prefs={prefs.data} />
          <EmailDeliveryCard prefs={prefs.data} />
          <QuietHoursCard prefs={prefs.data} />
          <ContactCard prefs={prefs.data} />
        </>
      )}
    </div>
  );
}
