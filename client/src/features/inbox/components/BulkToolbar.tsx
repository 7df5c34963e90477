import { useEffect, useRef, type MouseEvent } from 'react';
import { useIntl } from 'react-intl';
import { Archive, ArchiveRestore, Circle, CircleCheck, Pin, PinOff, Trash2, X, type LucideIcon } from 'lucide-react';
import type { BulkAction } from '@shared/schemas/notification';
import type { MessageId } from '../../../i18n/messageIds';
import { useBulkAction } from '../api/bulkAction';
import { focusFirstRowExcept } from '../utils/rows';
import { useInboxActions } from './InboxActionsProvider';

/** The toolbar's actions, in order; Archived views offer Unarchive instead of Archive. */
const ACTIONS: ReadonlyArray<{ action: BulkAction; label: MessageId; Icon: LucideIcon; archivedView?: boolean }> = [
  { action: 'read', label: 'inboxActions.bulk.read', Icon: CircleCheck },
  { action: 'unread', label: 'inboxActions.bulk.unread', Icon: Circle },
  { action: 'archive', label: 'inbox.item.archive', Icon: Archive, archivedView: false },
  { action: 'unarchive', label: 'inbox.item.unarchive', Icon: ArchiveRestore, archivedView: true },
  { action: 'pin', label: 'inboxActions.pin', Icon: Pin },
  { action: 'unpin', label: 'inboxActions.unpin', Icon: PinOff },
  { action: 'delete', label: 'inboxActions.delete', Icon: Trash2 },
];

/**
 * The bulk toolbar at the top of the list, while something is selected: "select all" (checked, mixed or
 * not), how many are selected, "Select all in this view" once every loaded row is and the view has more, the
 * actions (each button `data-bulk-action="<action>"`: the e and #/Delete keys press them), and "Clear
 * selection". An action clears the selection and leaves the focus on the list.
 */
export function BulkToolbar() {
  const intl = useIntl();
  const { selection, filters } = useInboxActions();
  const bulk = useBulkAction();
  const allRef = useRef<HTMLInputElement>(null);
  const some = selection.count > 0 && !selection.allShown;
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = some;
  }, [some]);
  if (selection.count === 0) return null;

  const run = (action: BulkAction, event: MouseEvent<HTMLButtonElement>) => {
    const target = selection.target();
    if (!target) return;
    bulk.mutate({ action, target });
    // The toolbar leaves with the selection: the focus goes to a row that stays.
    focusFirstRowExcept(event.currentTarget, new Set('ids' in target ? target.ids : target.shown));
    selection.clear();
  };
  const archivedView = filters.status === 'archived';

  return (
    <div className="bulk-bar" role="group" aria-label={intl.formatMessage({ id: 'inboxActions.bulk.label' })} data-testid="bulk-toolbar">
      <input
        ref={allRef}
        type="checkbox"
        className="row-select"
        aria-label={intl.formatMessage({ id: 'inboxActions.bulk.selectAll' })}
        checked={selection.allShown}
        onChange={(event) => selection.setAllShown(event.target.checked)}
      />
      <span className="bulk-bar__count" role="status" data-testid="bulk-count">
        {selection.wholeView
          ? intl.formatMessage({ id: 'inboxActions.bulk.wholeView' })
          : intl.formatMessage({ id: 'inboxActions.bulk.count' }, { count: selection.count })}
      </span>
      {selection.allShown && selection.moreInView && !selection.wholeView && (
        <button type="button" className="btn btn--ghost btn--sm bulk-bar__whole-view" onClick={selection.selectWholeView}>
          {intl.formatMessage({ id: 'inboxActions.bulk.selectWholeView' })}
        </button>
      )}
      <div className="bulk-bar__actions">
        {ACTIONS.filter((entry) => entry.archivedView === undefined || entry.archivedView === archivedView).map(({ action, label, Icon }) => (
          <button
            key={action}
            type="button"
            className="btn btn--ghost btn--sm"
            data-bulk-action={action}
            title={intl.formatMessage({ id: label })}
            onClick={(event) => run(action, event)}
          >
            <Icon size={15} aria-hidden />
            <span className="bulk-bar__label">{intl.formatMessage({ id: label })}</span>
          </button>
        ))}
      </div>
      <button
        type="button"
        className="icon-btn"
        aria-label={intl.formatMessage({ id: 'inboxActions.bulk.clear' })}
        title={intl.formatMessage({ id: 'inboxActions.bulk.clear' })}
        onClick={(event) => {
          focusFirstRowExcept(event.currentTarget, new Set());
          selection.clear();
        }}
      >
        <X size={16} aria-hidden />
      </button>
    </div>
  );
}
