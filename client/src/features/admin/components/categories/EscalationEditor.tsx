import { ArrowDown, ArrowUp, Plus, X } from 'lucide-react';
import type { EscalationStep } from '@shared/schemas/preferences';
import { CHANNEL_LABELS } from '../../utils/format';
import { ESCALATION_CHANNELS, MAX_ESCALATION_STEPS, newStep, type EscalationDraftStep } from '../../utils/escalation';
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
      <legend>Escalation (critical, while unread)</legend>
      <p id={hintId} className="field__hint">
        Each step sends on its channel if the notification is still unread that long after it was created; reading it anywhere
        cancels the rest.
        {!critical && value.length > 0 && <strong> Only runs while the category is critical.</strong>}
      </p>
      {value.length > 0 && (
        <ol className="escalation__steps">
          {value.map((step, index) => {
            const n = index + 1;
            return (
              <li key={step.id} className="escalation__step" data-testid="escalation-step">
                <div className="escalation__step-head">
                  <span className="escalation__number">Step {n}</span>
                  <span className="escalation__actions">
                    <button type="button" className="icon-btn icon-btn--sm" aria-label={`Move step ${n} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                      <ArrowUp size={14} aria-hidden />
                    </button>
                    <button
                      type="button"
                      className="icon-btn icon-btn--sm"
                      aria-label={`Move step ${n} down`}
                      disabled={index === value.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <ArrowDown size={14} aria-hidden />
                    </button>
                    <button
                      type="button"
                      className="icon-btn icon-btn--sm"
                      aria-label={`Remove step ${n}`}
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
                    aria-label={`Step ${n} channel`}
                    value={step.channel}
                    onChange={(event) => update(index, { channel: event.target.value as EscalationStep['channel'] })}
                  >
                    {ESCALATION_CHANNELS.map((channel) => (
                      <option key={channel} value={channel}>
                        {CHANNEL_LABELS[channel]}
                      </option>
                    ))}
                  </SelectControl>
                  <label className="escalation__after">
                    <span aria-hidden>after</span>
                    <input
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={7 * 24 * 60}
                      step={1}
                      className="escalation__minutes"
                      aria-label={`Step ${n} after minutes`}
                      value={step.afterMinutes}
                      aria-invalid={error ? true : undefined}
                      onChange={(event) => update(index, { afterMinutes: event.target.value })}
                    />
                    <span aria-hidden>min</span>
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
          {value.length === 0 ? 'Add escalation step' : 'Add step'}
        </button>
      </div>
      <FieldError id={`${idPrefix}-escalation`} message={error} />
    </fieldset>
  );
}
