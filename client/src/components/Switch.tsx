import type { ReactNode } from 'react';
import clsx from 'clsx';
import { useEchoedValue } from '../hooks/useEchoedValue';
import '../styles/switch.css';

interface SwitchProps {
  id: string;
  label: ReactNode;
  /** Smaller text under the label, which the switch is described by. */
  description?: ReactNode;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  /** Classes besides `switch`, e.g. a variant. */
  className?: string;
  testId?: string;
}

/**
 * An on/off switch: a real checkbox with `role="switch"`, so keyboards, forms and screen readers treat
 * it as one, drawn as a track and thumb. It follows a click at once, before an optimistic update lands.
 *
 * @example
 * <Switch id="switch-email" label="Email notifications" checked={on} onChange={setOn} />
 */
export function Switch({ id, label, description, checked, disabled, onChange, className, testId }: SwitchProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const [shown, echo] = useEchoedValue(checked);
  return (
    <div className={clsx('switch', className)}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch__input"
        checked={shown}
        disabled={disabled}
        aria-describedby={descriptionId}
        onChange={(event) => {
          echo(event.target.checked);
          onChange(event.target.checked);
        }}
        data-testid={testId}
      />
      <label htmlFor={id} className="switch__label">
        <span className="switch__track" aria-hidden>
          <span className="switch__thumb" />
        </span>
        <span className="switch__text">{label}</span>
      </label>
      {description && (
        <p id={descriptionId} className="switch__description">
          {description}
        </p>
      )}
    </div>
  );
}
