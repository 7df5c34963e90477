import { useRef, type KeyboardEvent } from 'react';
import clsx from 'clsx';
import { Globe, Megaphone, Users } from 'lucide-react';
import { FormattedMessage } from 'react-intl';
import type { RecipientMode } from '../../utils/composerInput';

const MODES = [
  { mode: 'people', label: 'admin.compose.mode.people', Icon: Users },
  { mode: 'topic', label: 'admin.compose.mode.topic', Icon: Megaphone },
  { mode: 'everyone', label: 'admin.recipients.everyone', Icon: Globe },
] as const;

interface RecipientModeSwitchProps {
  value: RecipientMode;
  onChange: (mode: RecipientMode) => void;
  labelledBy: string;
}

/** "People / Topic / Everyone" as a segmented radio group: arrows move and select, Tab leaves. */
export function RecipientModeSwitch({ value, onChange, labelledBy }: RecipientModeSwitchProps) {
  const refs = useRef(new Map<RecipientMode, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = MODES.findIndex((option) => option.mode === value);
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = MODES[(index + step + MODES.length) % MODES.length]!.mode;
    onChange(next);
    refs.current.get(next)?.focus();
  };

  return (
    <div className="segmented" role="radiogroup" aria-labelledby={labelledBy} onKeyDown={onKeyDown}>
      {MODES.map(({ mode, label, Icon }) => {
        const checked = mode === value;
        return (
          <button
            key={mode}
            ref={(element) => {
              if (element) refs.current.set(mode, element);
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            className={clsx('segmented__option', checked && 'segmented__option--checked')}
            onClick={() => onChange(mode)}
          >
            <Icon size={15} aria-hidden />
            <FormattedMessage id={label} />
          </button>
        );
      })}
    </div>
  );
}
