import type { SendDto } from '@shared/schemas/sends';
import { formatPeople } from '../../utils/format';

/** A send's action buttons and how many recipients took each (each recipient answers once). */
export function SendActionCounts({ send }: { send: SendDto }) {
  if (send.actionCounts.length === 0) return null;
  return (
    <section className="card" aria-labelledby="send-actions-title">
      <h2 id="send-actions-title" className="card__title">
        Actions
      </h2>
      <dl className="facts" data-testid="send-action-counts">
        {send.actionCounts.map((action) => {
          const spec = send.actions.find((a) => a.id === action.id);
          return (
            <div className="facts__row" key={action.id} data-action-id={action.id}>
              <dt>
                {action.label}
                {spec?.kind === 'url' && <span className="muted"> (link)</span>}
              </dt>
              <dd>{formatPeople(action.count)}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
