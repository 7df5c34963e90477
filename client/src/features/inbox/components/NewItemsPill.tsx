import { ArrowUp } from 'lucide-react';
import { useIntl } from 'react-intl';

/**
 * "2 new notifications": shown over the list while new items arrived above the part scrolled to; a click
 * scrolls back up. The count is also said politely by screen readers (the status region stays mounted so
 * the change is announced).
 */
export function NewItemsPill({ count, onShow }: { count: number; onShow: () => void }) {
  const text = useIntl().formatMessage({ id: 'inbox.newItems' }, { count });
  return (
    <div className="new-items">
      {count > 0 && (
        <button type="button" className="new-items__pill" onClick={onShow} data-testid="new-items-pill">
          <ArrowUp size={14} aria-hidden />
          {text}
        </button>
      )}
      <span className="sr-only" role="status">
        {count > 0 ? text : ''}
      </span>
    </div>
  );
}
