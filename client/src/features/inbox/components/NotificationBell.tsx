import { useCallback, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Bell } from 'lucide-react';
import { useCounts } from '../api/getCounts';
import { BellPanel } from './BellPanel';
import './bell.css';

/** Badge text: the exact count up to 99. */
export const formatBadge = (count: number) => (count > 99 ? '99+' : String(count));

/** The header bell: exact unread badge, and a popover with the latest items that marks what it shows as seen. */
export function NotificationBell() {
  const intl = useIntl();
  const { data: counts } = useCounts();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const unread = counts?.unread ?? 0;

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  const toggle = () => {
    if (open) return close(false);
    setOpen(true);
  };

  return (
    <div className="bell">
      <button
        ref={buttonRef}
        type="button"
        className="bell__button"
        aria-label={intl.formatMessage({ id: 'inbox.bell.label' }, { unread })}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={toggle}
      >
        <Bell size={18} aria-hidden />
        {unread > 0 && (
          <span className="bell__badge" data-testid="unread-badge">
            {formatBadge(unread)}
          </span>
        )}
      </button>
      <span className="sr-only" aria-live="polite">
        {intl.formatMessage({ id: 'inbox.bell.announcement' }, { unread })}
      </span>
      {open && <BellPanel id={panelId} anchor={buttonRef} onClose={close} />}
    </div>
  );
}
