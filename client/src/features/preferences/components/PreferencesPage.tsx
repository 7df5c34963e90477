import { LoaderCircle } from 'lucide-react';
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
  const prefs = usePreferences();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="pref-page">
      <header className="page-header pref-page__header">
        <div>
          <Heading className="page-header__title">Notification preferences</Heading>
          <p className="page-header__subtitle">Choose what reaches you, where and when.</p>
        </div>
        {prefs.isSuccess && <SaveStatus />}
      </header>
      {prefs.isPending ? (
        <p className="pref-loading" role="status">
          <LoaderCircle size={16} className="spin" aria-hidden />
          Loading your preferences…
        </p>
      ) : prefs.isError ? (
        <div className="pref-card pref-card--center" role="alert">
          <p className="pref-card__title">Couldn’t load your preferences</p>
          <p className="pref-hint">{prefs.error.message}</p>
          <button type="button" className="btn btn--secondary" onClick={() => void prefs.refetch()}>
            Try again
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
