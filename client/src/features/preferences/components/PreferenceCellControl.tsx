import { Lock, RotateCcw } from 'lucide-react';
import type { ChannelAvailability, PreferenceCell } from '@shared/schemas/preferences';
import type { Channel } from '@shared/types';
import { useEchoedValue } from '../../../hooks/useEchoedValue';
import { cellName } from '../utils/labels';

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
  const name = cellName(categoryLabel, channel);
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
        <span className="pref-cell__note pref-cell__note--locked" title={cell.reason}>
          <Lock size={12} aria-hidden />
          <span id={noteId} className="sr-only">
            Locked. {cell.reason}
          </span>
        </span>
      ) : unavailable ? (
        <span id={noteId} className="pref-cell__note" title={availability.reason}>
          Unavailable<span className="sr-only">: {availability.reason}</span>
        </span>
      ) : cell.isDefault ? (
        <span id={noteId} className="pref-cell__note">
          Default
        </span>
      ) : (
        <>
          <span id={noteId} className="sr-only">
            Changed from the category default
          </span>
          <button
            type="button"
            className="pref-cell__reset"
            aria-label={`Reset ${name} to default`}
            title="Reset to the category default"
            onClick={() => onChange(null)}
          >
            <RotateCcw size={11} aria-hidden />
            Reset
          </button>
        </>
      )}
    </div>
  );
}
