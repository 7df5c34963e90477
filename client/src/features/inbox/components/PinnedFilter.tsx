import { useIntl } from 'react-intl';
import { Pin } from 'lucide-react';

/** The "Pinned" filter: a toggle button (pressed: only pinned items, in whichever tab is shown). */
export function PinnedFilter({ value, onChange }: { value: boolean; onChange: (pinned: boolean) => void }) {
  const intl = useIntl();
  return (
    <button
      type="button"
      className="filter-toggle"
      aria-pressed={value}
      title={intl.formatMessage({ id: 'inbox.pinned.filterTitle' })}
      onClick={() => onChange(!value)}
    >
      <Pin size={14} aria-hidden />
      {intl.formatMessage({ id: 'inbox.pinned.filter' })}
    </button>
  );
}
