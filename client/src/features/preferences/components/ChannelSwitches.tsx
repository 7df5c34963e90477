import type { PreferencesDto } from '@shared/schemas/preferences';
import { CHANNELS } from '@shared/types';
import { Switch } from '../../../components/Switch';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { useUpdatePreferences } from '../api/updatePreferences';
import { CHANNEL_HINTS, CHANNEL_NAMES } from '../utils/labels';
import './switch.css';

/** One switch per channel that overrides every category: "Email notifications" off means no email at all. */
export function ChannelSwitches({ prefs }: { prefs: PreferencesDto }) {
  const update = useUpdatePreferences();
  // Push is set up on FlashNotify's devices page: linked in the app, not from a host's page.
  const { Link, appPages } = useInboxEnvironment();
  return (
    <section className="pref-card" aria-labelledby="pref-channels-title">
      <div className="pref-card__head">
        <h2 id="pref-channels-title" className="pref-card__title">
          Channels
        </h2>
        <p className="pref-card__subtitle">Turn a channel off to stop it for every category at once. The table below keeps your choices.</p>
      </div>
      <div className="pref-switches">
        {CHANNELS.map((channel) => {
          const state = prefs.channels[channel];
          return (
            <Switch
              key={channel}
              id={`pref-switch-${channel}`}
              label={`${CHANNEL_NAMES[channel]} notifications`}
              description={
                state.available ? (
                  CHANNEL_HINTS[channel]
                ) : (
                  <>
                    <span className="pref-warning-text">{state.reason ?? 'Not available for you yet'}.</span>{' '}
                    {channel === 'push' && appPages ? (
                      <Link to="/settings/devices">Set up push</Link>
                    ) : channel === 'sms' ? (
                      <a href="#contact">Contact points</a>
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
