import { ArrowDown, ArrowUp, Plus, X } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { EscalationStep } from '@shared/schemas/preferences';
import { CHANNEL_NAMES } from '../../../preferences';
import { ESCALATION_CHANNELS, MAX_ESCALATION_STEPS, newStep, type EscalationDraftStep } from '../../utils/escalation';
import type { MessageId } from '../../../../i18n/messageIds';
import { FieldError } from '../common/FieldError';
import { SelectControl } from '../common/SelectControl';
import './escalation.css';

interface EscalationEditorProps {
  /** Prefix of the controls' ids, unique per form. */
  idPrefix: string;
  value: EscalationDraftStep[];
  onChange: (steps: EscalationDraftStep[]) => void;
  /** Whether the category is critical; escalation only runs for critical notifications. */
  critical: boolean;
  error?: string;
}

/**
 * "Escalation (critical, while unread)": ordered steps of a channel and "after N minutes", with add,
 * remove and move up/down.
 */
export function EscalationEditor({ idPrefix, value, onChange, critical, error }: EscalationEditorProps) {
  const intl = useIntl();
  const hintId = `${idPrefix}-escalation-hint`;
  const errorId = `${idPrefix}-escalation-error`;
  const update = (index: number, change: Partial<EscalationDraftStep>) =>
    onChange(value.map((step, at) => (at === index ? { ...step, ...change } : step)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [step] = next.splice(index, 1);
    if (step) next.splice(index + by, 0, step);
    onChange(next);
  };

  return (
    <fieldset
      className="fieldset escalation"
      aria-describedby={[hintId, error ? errorId : undefined].filter(Boolean).join(' ')}
      data-testid="escalation-editor"
    >
      <legend>
        <FormattedMessage id="admin.escalation.legend" />
      </legend>
      <p id={hintId} className="field__hint">
        <FormattedMessage id="admin.escalation.hint" />
        {!critical && value.length > 0 && (
          <strong>
            {' '}
            <FormattedMessage id="admin.escalation.onlyCritical" />
          </strong>
        )}
      </p>
      {value.length > 0 && (
        <ol className="escalation__steps">
          {value.map((step, index) => {
            const n = index + 1;
            const label = (id: MessageId) => intl.formatMessage({ id }, { n });
            return (
              <li key={step.id} className="escalation__step" data-testid="escalation-step">
                <div className="escalation__step-head">
                  <span className="escalation__number">{label('admin.escalation.step')}</span>
                  <span className="escalation__actions">
                    <button type="button" className="icon-btn icon-btn--sm" aria-label={label('admin.escalation.moveUp')} disabled={index === 0} onClick={() => move(index, -1)}>
                      <ArrowUp size={14} aria-hidden />
                    </button>
                    <button
                      type="button"
                      className="icon-btn icon-btn--sm"
                      aria-label={label('admin.escalation.moveDown')}
                      disabled={index === value.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <ArrowDown size={14} aria-hidden />
                    </button>
                    <button
                      type="button"
                      className="icon-btn icon-btn--sm"
                      aria-label={label('admin.escalation.remove')}
                      onClick={() => onChange(value.filter((_, at) => at !== index))}
                    >
                      <X size={14} aria-hidden />
                    </button>
                  </span>
                </div>
                <div className="escalation__step-body">
                  <SelectControl
                    compact
                    id={`${idPrefix}-step-${step.id}-channel`}
                    aria-label={label('admin.escalation.channel')}
                    value={step.channel}
                    onChange={(event) => update(index, { channel: event.target.value as EscalationStep['channel'] })}
                  >
                    {ESCALATION_CHANNELS.map((channel) => (
                      <option key={channel} value={channel}>
                        {intl.formatMessage({ id: CHANNEL_NAMES[channel] })}
                      </option>
                    ))}
                  </SelectControl>
                  <label className="escalation__after">
                    <span aria-hidden>
                      <FormattedMessage id="admin.escalation.after" />
                    </span>
                    <input
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={7 * 24 * 60}
                      step={1}
                      className="escalation__minutes"
                      aria-label={label('admin.escalation.minutes')}
                      value={step.afterMinutes}
                      aria-invalid={error ? true : undefined}
                      onChange={(event) => update(index, { afterMinutes: event.target.value })}
                    />
                    <span aria-hidden>
                      <FormattedMessage id="admin.escalation.minutesUnit" />
                    </span>
                  </label>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div>
        <button
          type="button"
          className="btn btn--secondary btn--sm"
          disabled={value.length >= MAX_ESCALATION_STEPS}
          onClick={() => onChange([...value, newStep(value)])}
        >
          <Plus size={14} aria-hidden />
          <FormattedMessage id={value.length === 0 ? 'admin.escalation.addFirst' : 'admin.escalation.add'} />
        </button>
      </div>
      <FieldError id={`${idPrefix}-escalation`} message={error} />
    </fieldset>
  );
}
