import { FormattedMessage, useIntl } from 'react-intl';
import type { PreferencesDto } from '@shared/schemas/preferences';
import { CHANNELS } from '@shared/types';
import { Switch } from '../../../components/Switch';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { useUpdatePreferences } from '../api/updatePreferences';
import { CHANNEL_HINTS, CHANNEL_SWITCHES } from '../utils/labels';
import { serverReason } from '../utils/serverReasons';
import './switch.css';

/** One switch per channel that overrides every category: "Email notifications" off means no email at all. */
export function ChannelSwitches({ prefs }: { prefs: PreferencesDto }) {
  const intl = useIntl();
  const update = useUpdatePreferences();
  // Push is set up on FlashNotify's devices page: linked in the app, not from a host's page.
  const { Link, appPages } = useInboxEnvironment();
  return (
    <section className="pref-card" aria-labelledby="pref-channels-title">
      <div className="pref-card__head">
        <h2 id="pref-channels-title" className="pref-card__title">
          <FormattedMessage id="preferences.channels.title" />
        </h2>
        <p className="pref-card__subtitle">
          <FormattedMessage id="preferences.channels.subtitle" />
        </p>
      </div>
      <div className="pref-switches">
        {CHANNELS.map((channel) => {
          const state = prefs.channels[channel];
          return (
            <Switch
              key={channel}
              id={`pref-switch-${channel}`}
              label={intl.formatMessage({ id: CHANNEL_SWITCHES[channel] })}
              description={
                state.available ? (
                  intl.formatMessage({ id: CHANNEL_HINTS[channel] })
                ) : (
                  <>
                    <span className="pref-warning-text">
                      {state.reason ? serverReason(intl, state.reason) : intl.formatMessage({ id: 'preferences.channels.unavailable' })}.
                    </span>{' '}
                    {channel === 'push' && appPages ? (
                      <Link to="/settings/devices">
                        <FormattedMessage id="preferences.channels.setUpPush" />
                      </Link>
                    ) : channel === 'sms' || channel === 'whatsapp' ? (
                      <a href="#contact">
                        <FormattedMessage id="preferences.contact.title" />
                      </a>
                    ) : null}
                  </>
                )
              }
              checked={state.enabled}
              onChange={(enabled) => update.mutate({ channels: { [channel]: enabled } })}
            />
          );
        })}
      </div>
    </section>
  );
}
