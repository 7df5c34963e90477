import { useIntl } from 'react-intl';
import { FormField } from '../common/FormField';

interface RetentionFieldProps {
  /** The control's id. */
  id: string;
  /** The days as typed ('' : the server's default). */
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** "Keep notifications for (days)": a category's retention, empty for the server's default, 0 for forever. */
export function RetentionField({ id, value, onChange, error }: RetentionFieldProps) {
  const intl = useIntl();
  return (
    <FormField
      id={id}
      label={intl.formatMessage({ id: 'admin.categories.retention.label' })}
      error={error}
      hint={intl.formatMessage({ id: 'admin.categories.retention.hint' })}
    >
      {(control) => (
        <input {...control} type="text" inputMode="numeric" className="mono" value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </FormField>
  );
}
