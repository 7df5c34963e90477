import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Dialog } from '../../../../components/Dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Label of the button that backs out. */
  cancelLabel?: string;
  pending?: boolean;
  /** Keeps the confirm button off until the admin has done what the dialog asks (typed a name, say). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" for destructive actions; focus starts on the safe choice. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  pending = false,
  confirmDisabled = false,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const intl = useIntl();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      busy={pending}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="btn btn--secondary" onClick={onClose} disabled={pending} autoFocus>
            {cancelLabel ?? intl.formatMessage({ id: 'admin.confirm.keep' })}
          </button>
          <button type="button" className="btn btn--danger" onClick={onConfirm} disabled={pending || confirmDisabled}>
            {pending ? intl.formatMessage({ id: 'admin.confirm.working' }) : confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
