import type { ReactNode } from 'react';
import { useEchoedValue } from '../hooks/useEchoedValue';
import './switch.css';

interface SwitchProps {
  id: string;
  label: ReactNode;
  /** Smaller text under the label, which the switch is described by. */
  description?: ReactNode;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * An on/off switch: a real checkbox with `role="switch"`, so keyboards, forms and screen readers treat
 * it as one, drawn as a track and thumb.
 *
 * @example
 * <Switch id="switch-email" label="Email notifications" checked={on} onChange={setOn} />
 */
export function Switch({ id, label, description, checked, disabled, onChange }: SwitchProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const [shown, echo] = useEchoedValue(checked);
  return (
    <div className="pref-switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="pref-switch__input"
        checked={shown}
        disabled={disabled}
        aria-describedby={descriptionId}
        onChange={(event) => {
          echo(event.target.checked);
          onChange(event.target.checked);
        }}
      />
      <label htmlFor={id} className="pref-switch__label">
        <span className="pref-switch__track" aria-hidden>
          <span className="pref-switch__thumb" />
        </span>
        <span className="pref-switch__text">{label}</span>
      </label>
      {description && (
        <p id={descriptionId} className="pref-switch__description">
          {description}
        </p>
      )}
    </div>
  );
}
