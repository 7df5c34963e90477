import { Plus, X } from 'lucide-react';
import { ACTIONS_MAX } from '@shared/schemas/actions';
import type { ComposerField, ComposerState } from '../../utils/composerInput';
import { newActionDraft, type ActionDraft } from '../../utils/composerActions';
import type { FieldErrors } from '../../utils/fieldErrors';
import { FieldError } from '../common/FieldError';
import { FormField } from '../common/FormField';

interface RichFieldsProps {
  state: ComposerState;
  errors: FieldErrors<ComposerField>;
  set: <K extends keyof ComposerState>(key: K, value: ComposerState[K]) => void;
}

/** The composer's icon URL and up to two action buttons (issue 11). */
export function RichFields({ state, errors, set }: RichFieldsProps) {
  const update = (index: number, patch: Partial<ActionDraft>) =>
    set('actions', state.actions.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  return (
    <>
      <FormField
        id="compose-icon"
        label={
          <>
            Icon URL <span className="field__optional">optional</span>
          </>
        }
        error={errors.icon}
        hint="An https: image or a path on this site; without one, the category’s icon is used."
      >
        {(control) => (
          <input
            {...control}
            type="url"
            placeholder="https://cdn.example.com/avatar.png"
            value={state.icon}
            onChange={(event) => set('icon', event.target.value)}
          />
        )}
      </FormField>
      <fieldset className="field compose-actions" aria-describedby={errors.actions ? 'compose-actions-error' : undefined}>
        <legend>
          Buttons <span className="field__optional">optional, up to {ACTIONS_MAX}</span>
        </legend>
        {state.actions.map((draft, index) => (
          <div className="compose-actions__row" key={index} data-testid="compose-action">
            <label className="compose-actions__label">
              <span>Button {index + 1} label</span>
              <input type="text" value={draft.label} maxLength={40} onChange={(event) => update(index, { label: event.target.value })} />
            </label>
            <label>
              <span>Does</span>
              <select value={draft.kind} onChange={(event) => update(index, { kind: event.target.value as ActionDraft['kind'] })}>
                <option value="acknowledge">Records the answer</option>
                <option value="url">Opens a link</option>
              </select>
            </label>
            <label>
              <span>Style</span>
              <select value={draft.style} onChange={(event) => update(index, { style: event.target.value as ActionDraft['style'] })}>
                <option value="primary">Primary</option>
                <option value="secondary">Secondary</option>
              </select>
            </label>
            {draft.kind === 'url' && (
              <label className="compose-actions__url">
                <span>Button {index + 1} link</span>
                <input type="url" placeholder="https://… or /path" value={draft.url} onChange={(event) => update(index, { url: event.target.value })} />
              </label>
            )}
            <button
              type="button"
              className="icon-btn"
              aria-label={`Remove button ${index + 1}`}
              title="Remove"
              onClick={() => set('actions', state.actions.filter((_, i) => i !== index))}
            >
              <X size={15} aria-hidden />
            </button>
          </div>
        ))}
        {state.actions.length < ACTIONS_MAX && (
          <button type="button" className="btn btn--secondary btn--sm" onClick={() => set('actions', [...state.actions, newActionDraft(state.actions.length)])}>
            <Plus size={14} aria-hidden />
            Add a button
          </button>
        )}
        <FieldError id="compose-actions" message={errors.actions} />
        <p className="field__hint">“Records the answer” buttons are counted per recipient in the send’s details.</p>
      </fieldset>
    </>
  );
}
