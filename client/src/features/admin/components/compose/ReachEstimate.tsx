import { LoaderCircle, Users } from 'lucide-react';
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
  let text: string;
  if (to.length === 0) text = 'Pick recipients to see how many people this reaches.';
  else if (failed) text = 'Can’t count recipients — see the recipients field.';
  else if (count === undefined) text = 'Counting recipients…';
  else if (count === 0) text = 'Will reach nobody yet';
  else text = `Will reach ${formatPeople(count)}`;
  return (
    <p className="reach" data-testid="reach-estimate" aria-live="polite" data-state={failed ? 'error' : count === 0 ? 'empty' : undefined}>
      {loading && to.length > 0 ? <LoaderCircle size={15} className="spin" aria-hidden /> : <Users size={15} aria-hidden />}
      <span>{text}</span>
    </p>
  );
}
