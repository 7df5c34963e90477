import { FormattedMessage } from 'react-intl';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@shared/schemas/webhooks';
import { FieldError } from '../common/FieldError';
import { WEBHOOK_EVENT_HINTS } from './eventLabels';

interface EventTypeCheckboxesProps {
  /** Prefix of the error's id (`${id}-error`). */
  id: string;
  value: WebhookEventType[];
  onChange: (value: WebhookEventType[]) => void;
  error: string | undefined;
}

/** The events an endpoint receives, one checkbox each with what it means (create form and edit dialog). */
export function EventTypeCheckboxes({ id, value, onChange, error }: EventTypeCheckboxesProps) {
  const toggle = (type: WebhookEventType, on: boolean) =>
    onChange(on ? WEBHOOK_EVENT_TYPES.filter((t) => t === type || value.includes(t)) : value.filter((t) => t !== type));
  return (
    <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        <FormattedMessage id="admin.webhooks.col.events" />
      </legend>
      <div className="checkbox-row">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="checkbox checkbox--described">
            <input type="checkbox" checked={value.includes(type)} onChange={(event) => toggle(type, event.target.checked)} />
            <span>
              <code>{type}</code>
              <span className="checkbox__hint">
                <FormattedMessage id={WEBHOOK_EVENT_HINTS[type]} />
              </span>
            </span>
          </label>
        ))}
      </div>
      <FieldError id={id} message={error} />
    </fieldset>
  );
}
