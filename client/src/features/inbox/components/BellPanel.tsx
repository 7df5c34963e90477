import { useEffect, useRef, type RefObject } from 'react';
import { useIntl } from 'react-intl';
import type { NotificationDto } from '@shared/schemas/notification';
import { useNow } from '../../../hooks/useNow';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { useCounts } from '../api/getCounts';
import { useNotifications } from '../api/getNotifications';
import { useMarkAllSeen } from '../api/markAllSeen';
import { useOpenNotification } from '../hooks/useOpenNotification';
import { BellPanelItem } from './BellPanelItem';
import { MarkAllReadButton } from './MarkAllReadButton';
import { NotificationList } from './NotificationList';

const RECENT_COUNT = 5;

interface BellPanelProps {
  id: string;
  /** The bell button: clicks on it are the bell's to handle, not "outside". */
  anchor: RefObject<HTMLElement | null>;
  onClose: (returnFocus: boolean) => void;
}

/**
 * Popover with the newest items; closes on Escape, outside click or when an item is opened. What it shows
 * is marked seen up to its newest item's seq: something arriving later is still new next time. Where there
 * is no inbox page to "View all" on (a host app's page), it is the feed itself: every item with its actions,
 * "Load more" and "Mark all as read".
 */
export function BellPanel({ id, anchor, onClose }: BellPanelProps) {
  const intl = useIntl();
  const panelRef = useRef<HTMLDivElement>(null);
  const { Link, inboxPath } = useInboxEnvironment();
  const { data, isPending, isError } = useNotifications({ status: 'all' });
  const open = useOpenNotification();
  const now = useNow(30_000);
  const items = data?.pages[0]?.items.slice(0, RECENT_COUNT) ?? [];
  useMarkShownAsSeen(items.length > 0 ? Math.max(...items.map((item) => item.seq)) : undefined);

  useEffect(() => {
    panelRef.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose(true);
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !anchor.current?.contains(target)) onClose(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [anchor, onClose]);

  return (
    <div
      ref={panelRef}
      id={id}
      className="bell-panel"
      role="dialog"
      aria-label={intl.formatMessage({ id: 'inbox.bell.recent' })}
      tabIndex={-1}
      data-testid="bell-panel"
    >
      <div className="bell-panel__header">
        <h2 className="bell-panel__title">{intl.formatMessage({ id: 'inbox.bell.title' })}</h2>
        {inboxPath !== null ? (
          <Link to={inboxPath} className="bell-panel__view-all" onClick={() => onClose(false)}>
            {intl.formatMessage({ id: 'inbox.bell.viewAll' })}
          </Link>
        ) : (
          <MarkAllReadButton className="btn btn--ghost btn--sm" />
        )}
      </div>
      {inboxPath === null ? (
        <div className="bell-panel__feed">
          <NotificationList filters={ALL} />
        </div>
      ) : (
        <RecentItems
          items={items}
          now={now}
          isPending={isPending}
          isError={isError}
          onOpen={(opened) => {
            open(opened);
            onClose(false);
          }}
        />
      )}
    </div>
  );
}

const ALL = { status: 'all' } as const;

interface RecentItemsProps {
  items: NotificationDto[];
  now: number;
  isPending: boolean;
  isError: boolean;
  onOpen: (item: NotificationDto) => void;
}

/** The app's compact list: the newest few, each one link. */
function RecentItems({ items, now, isPending, isError, onOpen }: RecentItemsProps) {
  const intl = useIntl();
  return (
    <>
      {isPending && <p className="bell-panel__message">{intl.formatMessage({ id: 'common.loading' })}</p>}
      {isError && <p className="bell-panel__message">{intl.formatMessage({ id: 'inbox.loadFailedShort' })}</p>}
      {!isPending && !isError && items.length === 0 && (
        <p className="bell-panel__message">{intl.formatMessage({ id: 'inbox.bell.empty' })}</p>
      )}
      {items.length > 0 && (
        <ul className="bell-panel__list">
          {items.map((item) => (
            <BellPanelItem key={item.id} item={item} now={now} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </>
  );
}

/** Marks the inbox seen up to `newestSeq` once shown, and again when a newer item appears while open. */
function useMarkShownAsSeen(newestSeq: number | undefined) {
  const { data: counts } = useCounts();
  const { mutate } = useMarkAllSeen();
  const markedUpTo = useRef(-1);
  const unseen = counts?.unseen;
  useEffect(() => {
    if (newestSeq === undefined || newestSeq <= markedUpTo.current || unseen === 0) return;
    markedUpTo.current = newestSeq;
    mutate({ upToSeq: newestSeq });
  }, [newestSeq, unseen, mutate]);
}
