import { FormattedMessage, useIntl } from 'react-intl';
import type { ComposerField, ComposerState } from '../../utils/composerInput';
import type { FieldErrors } from '../../utils/fieldErrors';
import { localTimeZone, toLocalInputValue } from '../../utils/schedule';
import { FieldError } from '../common/FieldError';
import { FormField, OptionalLabel } from '../common/FormField';

interface DeliveryFieldsProps {
  state: ComposerState;
  errors: FieldErrors<ComposerField>;
  set: <K extends keyof ComposerState>(key: K, value: ComposerState[K]) => void;
}

/** "Send later" with its date and time, and the optional data for `{{data.x}}`. */
export function DeliveryFields({ state, errors, set }: DeliveryFieldsProps) {
  const intl = useIntl();
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
          <span>
            <FormattedMessage id="admin.compose.sendLater" />
          </span>
        </label>
        {state.sendLater && (
          <FormField
            id="compose-send-at"
            label={intl.formatMessage({ id: 'admin.compose.sendAt' })}
            error={errors.scheduledAt}
            hint={<FormattedMessage id="admin.compose.sendAtHint" values={{ zone: localTimeZone() }} />}
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
        <summary>
          <FormattedMessage id="admin.compose.templateData" />
        </summary>
        <FormField
          id="compose-data"
          label={<OptionalLabel id="admin.compose.data" />}
          error={errors.data}
          hint={<FormattedMessage id="admin.compose.dataHint" values={{ example: '{{data.orderId}}', code: (chunks) => <code>{chunks}</code> }} />}
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
