import { LoaderCircle, Users } from 'lucide-react';
import { useIntl } from 'react-intl';
import type { Recipient } from '@shared/schemas/notification';
import { formatPeople } from '../../utils/format';

interface ReachEstimateProps {
  to: Recipient[];
  count: number | undefined;
  loading: boolean;
  failed: boolean;
}

/** "Will reach N people", from the debounced recipient preview. */
export function ReachEstimate({ to, count, loading, failed }: ReachEstimateProps) {
  const intl = useIntl();
  let text: string;
  if (to.length === 0) text = intl.formatMessage({ id: 'admin.compose.reach.pick' });
  else if (failed) text = intl.formatMessage({ id: 'admin.compose.reach.failed' });
  else if (count === undefined) text = intl.formatMessage({ id: 'admin.compose.reach.counting' });
  else if (count === 0) text = intl.formatMessage({ id: 'admin.compose.reach.nobody' });
  else text = intl.formatMessage({ id: 'admin.compose.reach.count' }, { people: formatPeople(intl, count) });
  return (
    <p className="reach" data-testid="reach-estimate" aria-live="polite" data-state={failed ? 'error' : count === 0 ? 'empty' : undefined}>
      {loading && to.length > 0 ? <LoaderCircle size={15} className="spin" aria-hidden /> : <Users size={15} aria-hidden />}
      <span>{text}</span>
    </p>
  );
}
