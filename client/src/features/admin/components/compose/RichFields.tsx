import { Plus, X } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ACTIONS_MAX } from '@shared/schemas/actions';
import type { ComposerField, ComposerState } from '../../utils/composerInput';
import { newActionDraft, type ActionDraft } from '../../utils/composerActions';
import type { FieldErrors } from '../../utils/fieldErrors';
import { FieldError } from '../common/FieldError';
import { FormField, OptionalLabel } from '../common/FormField';
import { SelectControl } from '../common/SelectControl';

interface RichFieldsProps {
  state: ComposerState;
  errors: FieldErrors<ComposerField>;
  set: <K extends keyof ComposerState>(key: K, value: ComposerState[K]) => void;
}

/** The composer's icon URL and up to two action buttons (issue 11). */
export function RichFields({ state, errors, set }: RichFieldsProps) {
  const intl = useIntl();
  const update = (index: number, patch: Partial<ActionDraft>) =>
    set('actions', state.actions.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  return (
    <>
      <FormField
        id="compose-icon"
        label={<OptionalLabel id="admin.compose.icon" />}
        error={errors.icon}
        hint={intl.formatMessage({ id: 'admin.compose.iconHint' })}
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
          <OptionalLabel id="admin.compose.buttons.legend" note={<FormattedMessage id="admin.compose.buttons.optional" values={{ max: ACTIONS_MAX }} />} />
        </legend>
        {state.actions.map((draft, index) => {
          const remove = intl.formatMessage({ id: 'admin.compose.button.remove' }, { n: index + 1 });
          return (
            <div className="compose-actions__row" key={index} data-testid="compose-action">
              <label className="compose-actions__label">
                <span>
                  <FormattedMessage id="admin.compose.button.label" values={{ n: index + 1 }} />
                </span>
                <input type="text" value={draft.label} maxLength={40} onChange={(event) => update(index, { label: event.target.value })} />
              </label>
              <label>
                <span>
                  <FormattedMessage id="admin.compose.button.does" />
                </span>
                <SelectControl value={draft.kind} onChange={(event) => update(index, { kind: event.target.value as ActionDraft['kind'] })}>
                  <option value="acknowledge">{intl.formatMessage({ id: 'admin.compose.button.acknowledge' })}</option>
                  <option value="url">{intl.formatMessage({ id: 'admin.compose.button.url' })}</option>
                </SelectControl>
              </label>
              <label>
                <span>
                  <FormattedMessage id="admin.compose.button.style" />
                </span>
                <SelectControl value={draft.style} onChange={(event) => update(index, { style: event.target.value as ActionDraft['style'] })}>
                  <option value="primary">{intl.formatMessage({ id: 'admin.compose.button.primary' })}</option>
                  <option value="secondary">{intl.formatMessage({ id: 'admin.compose.button.secondary' })}</option>
                </SelectControl>
              </label>
              {draft.kind === 'url' && (
                <label className="compose-actions__url">
                  <span>
                    <FormattedMessage id="admin.compose.button.link" values={{ n: index + 1 }} />
                  </span>
                  <input type="url" placeholder={intl.formatMessage({ id: 'admin.compose.button.urlPlaceholder' })} value={draft.url} onChange={(event) => update(index, { url: event.target.value })} />
                </label>
              )}
              <button
                type="button"
                className="icon-btn"
                aria-label={remove}
                title={remove}
                onClick={() => set('actions', state.actions.filter((_, i) => i !== index))}
              >
                <X size={15} aria-hidden />
              </button>
            </div>
          );
        })}
        {state.actions.length < ACTIONS_MAX && (
          <button type="button" className="btn btn--secondary btn--sm" onClick={() => set('actions', [...state.actions, newActionDraft(state.actions.length)])}>
            <Plus size={14} aria-hidden />
            <FormattedMessage id="admin.compose.button.add" />
          </button>
        )}
        <FieldError id="compose-actions" message={errors.actions} />
        <p className="field__hint">
          <FormattedMessage id="admin.compose.buttons.hint" />
        </p>
      </fieldset>
    </>
  );
}
