import type { ComposerField, ComposerState } from '../../utils/composerInput';
import { errorProps, type FieldErrors } from '../../utils/fieldErrors';
import { localTimeZone, toLocalInputValue } from '../../utils/schedule';
import { FieldError } from '../common/FieldError';

interface DeliveryFieldsProps {
  state: ComposerState;
  errors: FieldErrors<ComposerField>;
  set: <K extends keyof ComposerState>(key: K, value: ComposerState[K]) => void;
}

/** "Send later" with its date and time, and the optional data for `{{data.x}}`. */
export function DeliveryFields({ state, errors, set }: DeliveryFieldsProps) {
  const toggleLater = (later: boolean) => {
    set('sendLater', later);
    // Start from a sensible moment: the next full hour.
    if (later && !state.sendAt) {
      const next = new Date();
      next.setHours(next.getHours() + 1, 0, 0, 0);
      set('sendAt', toLocalInputValue(next));
    }
  };
  return (
    <>
      <div className="schedule">
        <label className="checkbox">
          <input type="checkbox" checked={state.sendLater} onChange={(event) => toggleLater(event.target.checked)} />
          <span>Send later</span>
        </label>
        {state.sendLater && (
          <div className="field schedule__when">
            <label htmlFor="compose-send-at">Send at</label>
            <input
              {...errorProps('compose-send-at', errors.scheduledAt, 'compose-send-at-hint')}
              type="datetime-local"
              min={toLocalInputValue(new Date())}
              value={state.sendAt}
              onChange={(event) => set('sendAt', event.target.value)}
            />
            <FieldError id="compose-send-at" message={errors.scheduledAt} />
            <p id="compose-send-at-hint" className="field__hint">
              Your time zone: {localTimeZone()}. You can cancel it from Sent until then.
            </p>
          </div>
        )}
        {!state.sendLater && <FieldError id="compose-send-at" message={errors.scheduledAt} />}
      </div>

      <details className="advanced" open={Boolean(errors.data) || undefined}>
        <summary>Template data</summary>
        <div className="field">
          <label htmlFor="compose-data">
            Data (JSON) <span className="field__optional">optional</span>
          </label>
          <textarea
            {...errorProps('compose-data', errors.data, 'compose-data-hint')}
            className="mono"
            rows={3}
            spellCheck={false}
            placeholder={'{ "orderId": "A-1042" }'}
            value={state.data}
            onChange={(event) => set('data', event.target.value)}
          />
          <FieldError id="compose-data" message={errors.data} />
          <p id="compose-data-hint" className="field__hint">
            Stored with the notification and available as <code>{'{{data.orderId}}'}</code> in title and body.
          </p>
        </div>
      </details>
    </>
  );
}
