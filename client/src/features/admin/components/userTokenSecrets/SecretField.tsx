import { useRef } from 'react';
import { useIntl } from 'react-intl';
import { CopyButton } from '../common/CopyButton';

interface SecretFieldProps {
  id: string;
  label: string;
  value: string;
  testId: string;
}

/**
 * A read-only value with a copy button. It selects itself on focus, and a blocked clipboard (insecure origin,
 * permissions) focuses it, so Ctrl+C works then.
 */
export function SecretField({ id, label, value, testId }: SecretFieldProps) {
  const intl = useIntl();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="secret-field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="secret">
        <input
          ref={input}
          id={id}
          className="secret__value"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          data-testid={testId}
        />
        <CopyButton text={value} label={intl.formatMessage({ id: 'admin.copy.copy' })} onBlocked={() => input.current?.focus()} />
      </div>
    </div>
  );
}
