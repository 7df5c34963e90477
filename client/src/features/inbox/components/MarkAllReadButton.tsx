import { useQueryClient } from '@tanstack/react-query';
import { FormattedMessage } from 'react-intl';
import { CheckCheck } from 'lucide-react';
import { useViewCounts } from '../api/getCounts';
import { markAllReadInput, useMarkAllRead } from '../api/markAllRead';

/** "Mark all as read" for a view (of one category when given); disabled while nothing there is unread. */
export function MarkAllReadButton({ category, className }: { category?: string; className: string }) {
  const queryClient = useQueryClient();
  const { data: counts } = useViewCounts(category);
  const markAllRead = useMarkAllRead();
  return (
    <button
      type="button"
      className={className}
      onClick={() => markAllRead.mutate(markAllReadInput(queryClient, category))}
      disabled={(counts?.unread ?? 0) === 0 || markAllRead.isPending}
    >
      <CheckCheck size={16} aria-hidden />
      <FormattedMessage id="inbox.markAllRead" />
    </button>
  );
}
