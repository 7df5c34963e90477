import { useState } from 'react';
import { checkIconUrl } from '@shared/urls';
import './rich.css';

interface NotificationIconProps {
  /** The notification's icon (its own or its category's); null: nothing is shown, the row keeps its look. */
  icon: string | null;
  className?: string;
}

/**
 * A notification's icon: a small round image, decorative (empty alt: the title says what it is about).
 * Checked by the shared icon rule before use, whatever the server sent; an image that fails to load is
 * removed, so a broken URL never leaves a broken-image box or shifts the row (its box is fixed-size).
 */
export function NotificationIcon({ icon, className }: NotificationIconProps) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!icon || failed === icon || !checkIconUrl(icon).ok) return null;
  return (
    <img
      className={className ? `rich-icon ${className}` : 'rich-icon'}
      src={icon}
      alt=""
      width={32}
      height={32}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      data-testid="notification-icon"
      onError={() => setFailed(icon)}
    />
  );
}
