import clsx from 'clsx';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CategoryPreferences, PreferencesDto, UpdatePreferencesInput } from '@shared/schemas/preferences';
import { CHANNELS, type Channel } from '@shared/types';
import { useUpdatePreferences } from '../api/updatePreferences';
import { CHANNEL_ICONS, CHANNEL_NAMES } from '../utils/labels';
import { serverReason } from '../utils/serverReasons';
import { PreferenceCellControl } from './PreferenceCellControl';
import './matrix.css';

/** The categories × channels table; below 640 px each category becomes a card. */
export function PreferenceMatrix({ prefs }: { prefs: PreferencesDto }) {
  const intl = useIntl();
  const update = useUpdatePreferences();
  const changed = changedCells(prefs.categories);
  const setCell = (category: string, channel: Channel, enabled: boolean | null) =>
    update.mutate({ categories: { [category]: { channels: { [channel]: enabled } } } });

  return (
    <section className="pref-card pref-card--flush" aria-labelledby="pref-matrix-title">
      <div className="pref-card__head pref-card__head--padded">
        <div>
          <h2 id="pref-matrix-title" className="pref-card__title">
            <FormattedMessage id="preferences.matrix.title" />
          </h2>
          <p className="pref-card__subtitle">
            <FormattedMessage id="preferences.matrix.subtitle" />
          </p>
        </div>
        {changed && (
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => update.mutate(changed)}>
            <FormattedMessage id="preferences.matrix.resetAll" />
          </button>
        )}
      </div>
      <table className="pref-matrix" data-testid="preference-matrix">
        <caption className="sr-only">
          <FormattedMessage id="preferences.matrix.caption" />
        </caption>
        <thead>
          <tr>
            <th scope="col" className="pref-matrix__category-col">
              <FormattedMessage id="preferences.matrix.category" />
            </th>
            {CHANNELS.map((channel) => (
              <ChannelHeader key={channel} channel={channel} prefs={prefs} />
            ))}
          </tr>
        </thead>
        <tbody>
          {prefs.categories.map((category) => (
            <tr key={category.key} data-testid="preference-row" data-key={category.key}>
              <th scope="row" className="pref-matrix__category">
                <span className="pref-matrix__label">
                  {category.label}
                  {category.critical && (
                    <span className="pref-badge pref-badge--critical">
                      <FormattedMessage id="preferences.matrix.critical" />
                    </span>
                  )}
                </span>
                {category.description && <span className="pref-matrix__description">{category.description}</span>}
              </th>
              {CHANNELS.map((channel) => (
                <td key={channel} data-label={intl.formatMessage({ id: CHANNEL_NAMES[channel] })} className={clsx(!prefs.channels[channel].enabled && 'is-off')}>
                  <PreferenceCellControl
                    categoryKey={category.key}
                    categoryLabel={category.label}
                    channel={channel}
                    cell={category.channels[channel]}
                    availability={prefs.channels[channel]}
                    onChange={(enabled) => setCell(category.key, channel, enabled)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A column heading: the channel, and why its boxes are disabled or muted. */
function ChannelHeader({ channel, prefs }: { channel: Channel; prefs: PreferencesDto }) {
  const intl = useIntl();
  const Icon = CHANNEL_ICONS[channel];
  const { available, enabled, reason } = prefs.channels[channel];
  return (
    <th scope="col" className="pref-matrix__channel">
      <span className="pref-matrix__channel-name">
        <Icon size={14} aria-hidden />
        <FormattedMessage id={CHANNEL_NAMES[channel]} />
      </span>
      {!available ? (
        <span className="pref-matrix__channel-note pref-warning-text">
          {reason ? serverReason(intl, reason) : intl.formatMessage({ id: 'preferences.matrix.notAvailable' })}
        </span>
      ) : (
        !enabled && (
          <span className="pref-matrix__channel-note">
            <FormattedMessage id="preferences.matrix.offForAll" />
          </span>
        )
      )}
    </th>
  );
}

/** The patch that resets every changed cell, or null when nothing differs from the defaults. */
function changedCells(categories: CategoryPreferences[]): UpdatePreferencesInput | null {
  const patch: NonNullable<UpdatePreferencesInput['categories']> = {};
  for (const category of categories) {
    for (const channel of CHANNELS) {
      const cell = category.channels[channel];
      if (cell.isDefault || cell.locked) continue;
      ((patch[category.key] ??= { channels: {} }).channels ??= {})[channel] = null;
    }
  }
  return Object.keys(patch).length > 0 ? { categories: patch } : null;
}
