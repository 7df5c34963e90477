import type { ReactNode, Ref } from 'react';
import type { NotificationDto } from '@shared/schemas/notification';
import { toActionTarget } from '../../../lib/actionUrl';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';

interface NotificationLinkProps {
  item: NotificationDto;
  className?: string;
  children: ReactNode;
  /** Runs before navigation, e.g. to mark the item read. */
  onOpen: (item: NotificationDto) => void;
  /** Where to go when the item has no action URL; without it such items are plain text. */
  fallbackTo?: string;
  /** Lets a row forward clicks on its empty space to the link. */
  linkRef?: Ref<HTMLAnchorElement>;
}

/**
 * The link a notification leads to: a path through the environment's link (the app's router, or the host
 * page's own navigation), other sites in a new tab without giving them a handle on this window.
 */
export function NotificationLink({ item, className, children, onOpen, fallbackTo, linkRef }: NotificationLinkProps) {
  const { Link } = useInboxEnvironment();
  const target = toActionTarget(item.actionUrl);
  if (target?.kind === 'external') {
    return (
      <a
        ref={linkRef}
        href={target.href}
        target="_blank"
        rel="noopener noreferrer"
        className={className}
        onClick={() => onOpen(item)}
      >
        {children}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    );
  }
  const to = target?.path ?? fallbackTo;
  if (!to) return <span className={className}>{children}</span>;
  return (
    <Link ref={linkRef} to={to} className={className} onClick={() => onOpen(item)}>
      {children}
    </Link>
  );
}
