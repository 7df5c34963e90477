import { useEffect, useId, useRef, type ReactNode } from 'react';
import clsx from 'clsx';
import '../styles/dialog.css';

interface DialogProps {
  open: boolean;
  title: string;
  /** Called on Escape, a click outside, or any close button. */
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom, right-aligned. */
  footer: ReactNode;
  /** Set while an action runs, so Escape cannot abandon it. */
  busy?: boolean;
  testId?: string;
  /** Classes besides `dialog`, e.g. `dialog--wide` for code. */
  className?: string;
}

/**
 * A modal on the native `<dialog>`: focus moves in and back, Tab stays inside, Escape closes, the page
 * behind is inert.
 *
 * @example
 * <Dialog open={open} title="Revoke key?" onClose={close} footer={<button …>Revoke</button>}>…</Dialog>
 */
export function Dialog({ open, title, onClose, children, footer, busy = false, testId, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={clsx('dialog', className)}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself, not on its content.
        if (event.target === event.currentTarget && !busy) onClose();
      }}
    >
      {open && (
        <div className="dialog__panel">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <div className="dialog__body">{children}</div>
          <div className="dialog__footer">{footer}</div>
        </div>
      )}
    </dialog>
  );
}
