import { useEffect, useState } from 'react';
import clsx from 'clsx';
import { Check, Copy } from 'lucide-react';
import { useIntl } from 'react-intl';

interface CopyButtonProps {
  /** What lands on the clipboard. */
  text: string;
  /** The button's text; with `iconOnly`, its accessible name (e.g. "Copy kid uts_…"). */
  label: string;
  iconOnly?: boolean;
  /** The clipboard is blocked (insecure origin, permissions): e.g. select the text so Ctrl+C works. */
  onBlocked?: () => void;
}

/**
 * A button that copies `text`, shows "Copied" for two seconds and says so to screen readers.
 *
 * @example
 * <CopyButton text={secret.id} label={`Copy kid ${secret.id}`} iconOnly />
 */
export function CopyButton({ text, label, iconOnly = false, onBlocked }: CopyButtonProps) {
  const intl = useIntl();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      onBlocked?.();
    }
  };
  const Icon = copied ? Check : Copy;

  return (
    <>
      <button
        type="button"
        className={clsx(iconOnly ? 'icon-btn copy-btn' : 'btn btn--secondary', copied && 'copy-btn--copied')}
        aria-label={iconOnly ? label : undefined}
        title={iconOnly ? label : undefined}
        onClick={() => void copy()}
      >
        <Icon size={iconOnly ? 14 : 15} aria-hidden />
        {!iconOnly && (copied ? intl.formatMessage({ id: 'admin.copy.copied' }) : label)}
      </button>
      <span className="sr-only" role="status">
        {copied ? intl.formatMessage({ id: 'admin.copy.announce' }) : ''}
      </span>
    </>
  );
}
