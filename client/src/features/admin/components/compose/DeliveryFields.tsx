import type { ComposerField, ComposerState } from '../../utils/composerInput';
import type { FieldErrors } from '../../utils/fieldErrors';
import { localTimeZone, toLocalInputValue } from '../../utils/schedule';
import { FieldError } from '../common/FieldError';
import { FormField } from '../common/FormField';

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
          <FormField
            id="compose-send-at"
            label="Send at"
            error={errors.scheduledAt}
            hint={<>Your time zone: {localTimeZone()}. You can cancel it from Sent until then.</>}
            className="schedule__when"
          >
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                min={toLocalInputValue(new Date())}
                value={state.sendAt}
                onChange={(event) => set('sendAt', event.target.value)}
              />
            )}
          </FormField>
        )}
        {!state.sendLater && <FieldError id="compose-send-at" message={errors.scheduledAt} />}
      </div>

      <details className="advanced" open={Boolean(errors.data) || undefined}>
        <summary>Template data</summary>
        <FormField
          id="compose-data"
          label={
            <>
              Data (JSON) <span className="field__optional">optional</span>
            </>
          }
          error={errors.data}
          hint={
            <>
              Stored with the notification and available as <code>{'{{data.orderId}}'}</code> in title and body.
            </>
          }
        >
          {(control) => (
            <textarea
              {...control}
              className="mono"
              rows={3}
              spellCheck={false}
              placeholder={'{ "orderId": "A-1042" }'}
              value={state.data}
              onChange={(event) => set('data', event.target.value)}
            />
          )}
        </FormField>
      </details>
    </>
  );
}
