import { CircleAlert } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { sentence } from '../../utils/format';

interface FormErrorProps {
  error: unknown;
  /** True when the fields already show the details; then only the headline is repeated here. */
  placed?: boolean;
}

/** A failed form submission's summary alert. */
export function FormError({ error, placed = false }: FormErrorProps) {
  const intl = useIntl();
  if (!error) return null;
  const message = sentence(apiErrorMessage(intl, error, 'admin.form.unreachable'));
  return (
    <div className="alert alert--error" role="alert">
      <CircleAlert size={16} aria-hidden />
      <p className="alert__title">
        {message}
        {placed && (
          <>
            {' '}
            <FormattedMessage id="admin.form.seeFields" />
          </>
        )}
      </p>
    </div>
  );
}
