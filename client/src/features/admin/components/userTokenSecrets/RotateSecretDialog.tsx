import { useEffect, useRef, useState } from 'react';
import type { UserTokenSecretDto } from '@shared/schemas/userTokens';
import { Dialog } from '../../../../components/Dialog';
import { FormError } from '../common/FormError';

const HOUR_S = 60 * 60;

/** The overlaps offered: how long tokens signed with the old secret keep working. */
const OVERLAPS = [
  { seconds: HOUR_S, label: '1 hour', hint: 'Your backend switches to the new secret within the hour' },
  { seconds: 24 * HOUR_S, label: '1 day', hint: 'Time to deploy the new secret (the usual choice)' },
  { seconds: 7 * 24 * HOUR_S, label: '7 days', hint: 'For slow release cycles' },
  { seconds: 0, label: 'Immediately', hint: 'The old secret stops working now: for a secret that leaked' },
] as const;

const DEFAULT_OVERLAP = 24 * HOUR_S;

interface RotateSecretDialogProps {
  /** The secret to rotate; the dialog is open while set. */
  secret: UserTokenSecretDto | null;
  pending: boolean;
  /** The failed rotation, shown in the dialog. */
  error: unknown;
  onConfirm: (overlapSeconds: number) => void;
  onClose: () => void;
}

/** "Rotate": the admin picks how long the old secret keeps working, then gets the new one. */
export function RotateSecretDialog({ secret, pending, error, onConfirm, onClose }: RotateSecretDialogProps) {
  const [overlap, setOverlap] = useState<number>(DEFAULT_OVERLAP);
  const checkedRef = useRef<HTMLInputElement>(null);
  const open = secret !== null;

  // Runs after Dialog's own effect (a parent's effects follow its children's), so it wins over the
  // dialog's default focus on its first control: focus starts on the selected choice. Closing resets the
  // choice, so every rotation starts from the default.
  useEffect(() => {
    if (open) checkedRef.current?.focus();
    else setOverlap(DEFAULT_OVERLAP);
  }, [open]);

  return (
    <Dialog
      open={open}
      title={`Rotate “${secret?.name ?? ''}”?`}
      onClose={onClose}
      busy={pending}
      testId="rotate-dialog"
      footer={
        <>
          <button type="button" className="btn btn--secondary" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="button" className="btn btn--primary" onClick={() => onConfirm(overlap)} disabled={pending}>
            {pending ? 'Rotating…' : 'Rotate secret'}
          </button>
        </>
      }
    >
      <p>
        A new secret with a new <code>kid</code> replaces <code>{secret?.id}</code>. Tokens your backend already signed
        with the old one keep working for the time you choose.
      </p>
      <fieldset className="fieldset">
        <legend className="field__label">Keep the old secret working for</legend>
        <div className="radio-list">
          {OVERLAPS.map(({ seconds, label, hint }) => (
            <label key={seconds} className="checkbox checkbox--described">
              <input
                ref={seconds === overlap ? checkedRef : undefined}
                type="radio"
                name="rotate-overlap"
                value={seconds}
                checked={seconds === overlap}
                onChange={() => setOverlap(seconds)}
              />
              <span>
                {label}
                <span className="checkbox__hint">{hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormError error={error} />
    </Dialog>
  );
}
