import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { UserTokenSecretDto } from '@shared/schemas/userTokens';
import { Dialog } from '../../../../components/Dialog';
import { FormError } from '../common/FormError';

const HOUR_S = 60 * 60;

/** The overlaps offered: how long tokens signed with the old secret keep working. */
const OVERLAPS = [
  { seconds: HOUR_S, label: 'admin.userTokens.rotate.hour', hint: 'admin.userTokens.rotate.hourHint' },
  { seconds: 24 * HOUR_S, label: 'admin.userTokens.rotate.day', hint: 'admin.userTokens.rotate.dayHint' },
  { seconds: 7 * 24 * HOUR_S, label: 'admin.userTokens.rotate.week', hint: 'admin.userTokens.rotate.weekHint' },
  { seconds: 0, label: 'admin.userTokens.rotate.now', hint: 'admin.userTokens.rotate.nowHint' },
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
  const intl = useIntl();
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
      title={intl.formatMessage({ id: 'admin.userTokens.rotate.title' }, { name: secret?.name ?? '' })}
      onClose={onClose}
      busy={pending}
      testId="rotate-dialog"
      footer={
        <>
          <button type="button" className="btn btn--secondary" onClick={onClose} disabled={pending}>
            <FormattedMessage id="common.cancel" />
          </button>
          <button type="button" className="btn btn--primary" onClick={() => onConfirm(overlap)} disabled={pending}>
            <FormattedMessage id={pending ? 'admin.userTokens.rotate.pending' : 'admin.userTokens.rotate.submit'} />
          </button>
        </>
      }
    >
      <p>
        <FormattedMessage id="admin.userTokens.rotate.text" values={{ kidHeader: <code>kid</code>, kid: <code>{secret?.id}</code> }} />
      </p>
      <fieldset className="fieldset">
        <legend className="field__label">
          <FormattedMessage id="admin.userTokens.rotate.legend" />
        </legend>
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
                <FormattedMessage id={label} />
                <span className="checkbox__hint">
                  <FormattedMessage id={hint} />
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormError error={error} />
    </Dialog>
  );
}
