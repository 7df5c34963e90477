import type { ChangeEvent, MouseEvent } from 'react';
import { useIntl } from 'react-intl';
import clsx from 'clsx';
import { AlarmClock, Pin, Trash2 } from 'lucide-react';
import { formatWakeTime } from '../../../i18n/dates';
import { useDeleteNotification } from '../api/deleteNotification';
import { useUpdateNotification } from '../api/updateNotification';
import { focusBesideRow, shownOrder } from '../utils/rows';
import { offersSnoozeMenu } from '../utils/snoozeMenu';
import { useInboxActions } from './InboxActionsProvider';
import type { RowSlotProps } from './inboxExtensions';

/**
 * A row's selection checkbox, named "Select <title>". Shift+click (or Shift+Space) also sets every row
 * between it and the row last clicked, in the order shown.
 */
export function RowSelect({ item }: RowSlotProps) {
  const intl = useIntl();
  const { selection } = useInboxActions();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    // A checkbox's change comes from a click (mouse, Space or script): its Shift says "range".
    const shift = (event.nativeEvent as Partial<globalThis.MouseEvent>).shiftKey === true;
    selection.toggle(item.id, event.target.checked, shift ? { order: shownOrder(event.target) } : undefined);
  };
  return (
    <input
      type="checkbox"
      className="row-select"
      data-row-select
      aria-label={intl.formatMessage({ id: 'inboxActions.select' }, { title: item.title })}
      checked={selection.isSelected(item)}
      onChange={onChange}
    />
  );
}

/**
 * A row's pinned and snoozed state in its meta line: "Pinned" (icon and text); "Snoozed until <time>" with
 * "Wake now" (back as new, at the top) and "Change" (the snooze menu).
 */
export function RowState({ item }: RowSlotProps) {
  const intl = useIntl();
  const { openSnooze } = useInboxActions();
  const update = useUpdateNotification();
  const wake = (event: MouseEvent<HTMLButtonElement>) => {
    // Woken, it leaves the Snoozed view: keep the keyboard focus in the list.
    focusBesideRow(event.currentTarget);
    update.mutate({ id: item.id, patch: { snoozedUntil: null } });
  };
  return (
    <>
      {item.pinnedAt !== null && (
        <span className="chip chip--pinned" data-testid="pinned-chip">
          <Pin size={12} aria-hidden />
          {intl.formatMessage({ id: 'inboxActions.pinned' })}
        </span>
      )}
      {item.snoozedUntil !== null && (
        <span className="notification__snoozed" data-testid="snoozed-state">
          <span className="notification__snoozed-until">
            <AlarmClock size={13} aria-hidden />
            {intl.formatMessage({ id: 'inboxActions.snoozedUntil' }, { time: formatWakeTime(intl, item.snoozedUntil) })}
          </span>
          <button type="button" className="btn btn--ghost btn--sm" onClick={wake}>
            {intl.formatMessage({ id: 'inboxActions.wakeNow' })}
          </button>
          <button type="button" className="btn btn--ghost btn--sm" aria-haspopup="dialog" onClick={(event) => openSnooze(item, event.currentTarget)}>
            {intl.formatMessage({ id: 'inboxActions.changeSnooze' })}
          </button>
        </span>
      )}
    </>
  );
}

/** A row's pin (a toggle), snooze (the menu; "Change" instead on a snoozed row) and delete buttons. */
export function RowExtraActions({ item }: RowSlotProps) {
  const intl = useIntl();
  const { openSnooze } = useInboxActions();
  const update = useUpdateNotification();
  const remove = useDeleteNotification();
  const pinned = item.pinnedAt !== null;
  const label = (id: 'inboxActions.pin' | 'inboxActions.snooze' | 'inboxActions.delete') => intl.formatMessage({ id });
  return (
    <span className="notification__extra-actions">
      <button
        type="button"
        className={clsx('icon-btn', pinned && 'icon-btn--on')}
        aria-label={label('inboxActions.pin')}
        aria-pressed={pinned}
        title={intl.formatMessage({ id: pinned ? 'inboxActions.unpin' : 'inboxActions.pin' })}
        onClick={() => update.mutate({ id: item.id, patch: { pinned: !pinned } })}
      >
        <Pin size={16} aria-hidden fill={pinned ? 'currentColor' : 'none'} />
      </button>
      {item.snoozedUntil === null && offersSnoozeMenu(item) && (
        <button
          type="button"
          className="icon-btn"
          aria-label={label('inboxActions.snooze')}
          title={label('inboxActions.snooze')}
          aria-haspopup="dialog"
          onClick={(event) => openSnooze(item, event.currentTarget)}
        >
          <AlarmClock size={16} aria-hidden />
        </button>
      )}
      <button
        type="button"
        className="icon-btn icon-btn--danger"
        data-row-delete
        aria-label={label('inboxActions.delete')}
        title={label('inboxActions.delete')}
        onClick={(event) => {
          focusBesideRow(event.currentTarget);
          remove.mutate(item.id);
        }}
      >
        <Trash2 size={16} aria-hidden />
      </button>
    </span>
  );
}
