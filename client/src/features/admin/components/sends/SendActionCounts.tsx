import { FormattedMessage, useIntl } from 'react-intl';
import type { SendDto } from '@shared/schemas/sends';
import { formatPeople } from '../../utils/format';

/** A send's action buttons and how many recipients took each (each recipient answers once). */
export function SendActionCounts({ send }: { send: SendDto }) {
  const intl = useIntl();
  if (send.actionCounts.length === 0) return null;
  return (
    <section className="card" aria-labelledby="send-actions-title">
      <h2 id="send-actions-title" className="card__title">
        <FormattedMessage id="admin.table.actions" />
      </h2>
      <dl className="facts" data-testid="send-action-counts">
        {send.actionCounts.map((action) => {
          const spec = send.actions.find((a) => a.id === action.id);
          return (
            <div className="facts__row" key={action.id} data-action-id={action.id}>
              <dt>
                {action.label}
                {spec?.kind === 'url' && (
                  <span className="muted">
                    {' '}
                    <FormattedMessage id="admin.send.actionIsLink" />
                  </span>
                )}
              </dt>
              <dd>{formatPeople(intl, action.count)}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
