import { useState, type FormEvent } from 'react';
import { UserMinus, UserPlus, Users, X } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { TopicDto, UserDto } from '@shared/schemas/directory';
import { useAddTopicSubscribers } from '../../api/addTopicSubscribers';
import { useTopicSubscribers } from '../../api/getTopicSubscribers';
import { useRemoveTopicSubscribers } from '../../api/removeTopicSubscribers';
import { pageItems } from '../../utils/pages';
import { ACTIONS_COLUMN, DataTable } from '../common/DataTable';
import { EmptyState, LoadMore } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { UserPicker } from '../common/UserPicker';

/** One topic's subscribers: add people with the user picker, remove them per row. */
export function TopicSubscribersPanel({ topic }: { topic: TopicDto }) {
  const intl = useIntl();
  const subscribers = useTopicSubscribers(topic.key);
  const add = useAddTopicSubscribers();
  const remove = useRemoveTopicSubscribers();
  const [picked, setPicked] = useState<UserDto[]>([]);
  const items = pageItems(subscribers.data);
  const subscribedIds = new Set(items.map((user) => user.id));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (picked.length === 0) return;
    add.mutate({ topic: topic.key, userIds: picked.map((user) => user.id) }, { onSuccess: () => setPicked([]) });
  };

  return (
    <section className="card card--flush" aria-labelledby="topic-detail-title" data-testid="topic-detail">
      <header className="panel-header">
        <div>
          <h2 id="topic-detail-title" className="card__title">
            {topic.name}
          </h2>
          <p className="panel-header__sub">
            <code>{topic.key}</code> · <FormattedMessage id="admin.topics.subscribedCount" values={{ count: topic.subscriberCount }} />
          </p>
        </div>
        <Link to="?" className="icon-btn" aria-label={intl.formatMessage({ id: 'admin.topics.close' })} preventScrollReset>
          <X size={16} aria-hidden />
        </Link>
      </header>

      <form className="add-subscribers" onSubmit={submit}>
        <label htmlFor="topic-add-subscribers" className="field__label">
          <FormattedMessage id="admin.topics.subscribers.add" />
        </label>
        <div className="add-subscribers__row">
          <UserPicker inputId="topic-add-subscribers" selected={picked} onChange={setPicked} excludeIds={subscribedIds} />
          <button type="submit" className="btn btn--primary" disabled={picked.length === 0 || add.isPending}>
            <UserPlus size={15} aria-hidden />
            {add.isPending ? intl.formatMessage({ id: 'admin.topics.subscribers.adding' }) : intl.formatMessage({ id: 'admin.topics.subscribers.addCount' }, { count: picked.length })}
          </button>
        </div>
      </form>

      <QueryView
        query={subscribers}
        loadingLabel={intl.formatMessage({ id: 'admin.topics.subscribers.loading' })}
        skeletonRows={3}
        errorTitle={intl.formatMessage({ id: 'admin.topics.subscribers.loadFailed' })}
        isEmpty={() => items.length === 0}
        empty={
          <EmptyState Icon={Users} title={intl.formatMessage({ id: 'admin.topics.subscribers.empty.title' })}>
            <FormattedMessage id="admin.topics.subscribers.empty.text" />
          </EmptyState>
        }
      >
        {() => (
          <DataTable testId="topic-subscribers" columns={[intl.formatMessage({ id: 'admin.col.name' }), intl.formatMessage({ id: 'common.email' }), ACTIONS_COLUMN]}>
            {items.map((user) => (
              <tr key={user.id}>
                <td data-label={intl.formatMessage({ id: 'admin.col.name' })} className="data-table__primary">
                  {user.name}
                </td>
                <td data-label={intl.formatMessage({ id: 'common.email' })}>{user.email}</td>
                <td data-label={intl.formatMessage({ id: 'admin.table.actions' })} className="data-table__actions">
                  <button
                    type="button"
                    className="btn btn--ghost btn--sm btn--danger-text"
                    aria-label={intl.formatMessage({ id: 'admin.topics.subscribers.removeLabel' }, { name: user.name || user.email, topic: topic.name })}
                    onClick={() => remove.mutate({ topic: topic.key, userIds: [user.id] })}
                  >
                    <UserMinus size={14} aria-hidden />
                    <FormattedMessage id="devices.list.remove" />
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <LoadMore query={subscribers} />
    </section>
  );
}
