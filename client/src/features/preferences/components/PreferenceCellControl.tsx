import { Lock, RotateCcw } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ChannelAvailability, PreferenceCell } from '@shared/schemas/preferences';
import type { Channel } from '@shared/types';
import { useEchoedValue } from '../../../hooks/useEchoedValue';
import { cellName } from '../utils/labels';
import { serverReason } from '../utils/serverReasons';

interface PreferenceCellControlProps {
  categoryKey: string;
  categoryLabel: string;
  channel: Channel;
  cell: PreferenceCell;
  availability: ChannelAvailability;
  onChange: (enabled: boolean | null) => void;
}

/**
 * One box of the matrix, named "Billing: Email". Under it: "Default" while the category default
 * applies, "Reset" once changed, a lock (critical categories) or "Unavailable" (no phone, consent or device).
 */
export function PreferenceCellControl({ categoryKey, categoryLabel, channel, cell, availability, onChange }: PreferenceCellControlProps) {
  const id = `pref-cell-${categoryKey}-${channel}`;
  const intl = useIntl();
  const name = cellName(intl, categoryLabel, channel);
  const lockReason = cell.reason && serverReason(intl, cell.reason);
  const unavailableReason = availability.reason && serverReason(intl, availability.reason);
  const unavailable = !availability.available;
  const noteId = `${id}-note`;
  const [checked, echo] = useEchoedValue(cell.enabled);
  return (
    <div className="pref-cell" data-testid="preference-cell" data-default={cell.isDefault} data-locked={cell.locked}>
      <input
        id={id}
        type="checkbox"
        className="pref-cell__box"
        aria-label={name}
        aria-describedby={noteId}
        checked={checked}
        disabled={cell.locked || unavailable}
        onChange={(event) => {
          echo(event.target.checked);
          onChange(event.target.checked);
        }}
      />
      {cell.locked ? (
        <span className="pref-cell__note pref-cell__note--locked" title={lockReason}>
          <Lock size={12} aria-hidden />
          <span id={noteId} className="sr-only">
            <FormattedMessage id="preferences.cell.locked" values={{ reason: lockReason ?? '' }} />
          </span>
        </span>
      ) : unavailable ? (
        <span id={noteId} className="pref-cell__note" title={unavailableReason}>
          <FormattedMessage
            id="preferences.cell.unavailable"
            values={{ reason: unavailableReason ?? '', hidden: (chunks) => <span className="sr-only">{chunks}</span> }}
          />
        </span>
      ) : cell.isDefault ? (
        <span id={noteId} className="pref-cell__note">
          <FormattedMessage id="preferences.cell.default" />
        </span>
      ) : (
        <>
          <span id={noteId} className="sr-only">
            <FormattedMessage id="preferences.cell.changed" />
          </span>
          <button
            type="button"
            className="pref-cell__reset"
            aria-label={intl.formatMessage({ id: 'preferences.cell.resetLabel' }, { name })}
            title={intl.formatMessage({ id: 'preferences.cell.resetTitle' })}
            onClick={() => onChange(null)}
          >
            <RotateCcw size={11} aria-hidden />
            <FormattedMessage id="preferences.cell.reset" />
          </button>
        </>
      )}
    </div>
  );
}
