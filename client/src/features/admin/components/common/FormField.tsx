import type { ReactNode } from 'react';
import clsx from 'clsx';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../../../i18n/messageIds';
import { errorProps } from '../../utils/fieldErrors';
import { FieldError } from './FieldError';

interface FormFieldProps {
  /** The control's id; its error is `${id}-error`. */
  id: string;
  label: ReactNode;
  error: string | undefined;
  /** Help text under the control, which the control is described by. */
  hint?: ReactNode;
  /** id of the hint; `${id}-hint` unless given. */
  hintId?: string;
  /** Shown at the label's right, e.g. "12/120" (hidden from screen readers). */
  counter?: ReactNode;
  /** Classes besides `field`. */
  className?: string;
  /** Renders the control, spreading the given id and aria props onto it. */
  children: (control: ReturnType<typeof errorProps>) => ReactNode;
}

/**
 * A form field: label, control, error and hint, with the control tied to its error and hint for
 * screen readers.
 *
 * @example
 * <FormField id="topic-name" label={intl.formatMessage({ id: 'admin.col.name' })} error={errors.name}>
 *   {(control) => <input {...control} type="text" value={name} onChange={…} />}
 * </FormField>
 */
export function FormField({ id, label, error, hint, hintId = `${id}-hint`, counter, className, children }: FormFieldProps) {
  const labelElement = <label htmlFor={id}>{label}</label>;
  return (
    <div className={clsx('field', className)}>
      {counter === undefined ? (
        labelElement
      ) : (
        <div className="field__label-row">
          {labelElement}
          <span className="field__counter" aria-hidden>
            {counter}
          </span>
        </div>
      )}
      {children(errorProps(id, error, hint ? hintId : undefined))}
      <FieldError id={id} message={error} />
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A field's label followed by a muted "optional" (`note` for other words, e.g. "optional, up to 2").
 *
 * @example
 * <FormField id="compose-icon" label={<OptionalLabel id="admin.compose.icon" />} …>
 */
export function OptionalLabel({ id, note }: { id: MessageId; note?: ReactNode }) {
  return (
    <>
      <FormattedMessage id={id} /> <span className="field__optional">{note ?? <FormattedMessage id="admin.form.optional" />}</span>
    </>
  );
}
