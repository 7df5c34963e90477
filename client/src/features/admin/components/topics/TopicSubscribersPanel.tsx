import { useState, type FormEvent } from 'react';
import { UserMinus, UserPlus, Users, X } from 'lucide-react';
import { Link } from 'react-router';
import type { TopicDto, UserDto } from '@shared/schemas/directory';
import { useAddTopicSubscribers } from '../../api/addTopicSubscribers';
import { useTopicSubscribers } from '../../api/getTopicSubscribers';
import { useRemoveTopicSubscribers } from '../../api/removeTopicSubscribers';
import { formatPeople } from '../../utils/format';
import { pageItems } from '../../utils/pages';
import { ACTIONS_COLUMN, DataTable } from '../common/DataTable';
import { EmptyState, LoadMore } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { UserPicker } from '../common/UserPicker';

/** One topic's subscribers: add people with the user picker, remove them per row. */
export function TopicSubscribersPanel({ topic }: { topic: TopicDto }) {
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
            <code>{topic.key}</code> · {formatPeople(topic.subscriberCount)} subscribed
          </p>
        </div>
        <Link to="?" className="icon-btn" aria-label="Close topic" preventScrollReset>
          <X size={16} aria-hidden />
        </Link>
      </header>

      <form className="add-subscribers" onSubmit={submit}>
        <label htmlFor="topic-add-subscribers" className="field__label">
          Add subscribers
        </label>
        <div className="add-subscribers__row">
          <UserPicker inputId="topic-add-subscribers" selected={picked} onChange={setPicked} excludeIds={subscribedIds} />
          <button type="submit" className="btn btn--primary" disabled={picked.length === 0 || add.isPending}>
            <UserPlus size={15} aria-hidden />
            {add.isPending ? 'Adding…' : picked.length > 1 ? `Add ${picked.length}` : 'Add'}
          </button>
        </div>
      </form>

      <QueryView
        query={subscribers}
        loadingLabel="Loading subscribers"
        skeletonRows={3}
        errorTitle="Couldn’t load subscribers"
        isEmpty={() => items.length === 0}
        empty={
          <EmptyState Icon={Users} title="No subscribers yet">
            Add people above, or subscribe them over the API.
          </EmptyState>
        }
      >
        {() => (
          <DataTable testId="topic-subscribers" columns={['Name', 'Email', ACTIONS_COLUMN]}>
            {items.map((user) => (
              <tr key={user.id}>
                <td data-label="Name" className="data-table__primary">
                  {user.name}
                </td>
                <td data-label="Email">{user.email}</td>
                <td data-label="Actions" className="data-table__actions">
                  <button
                    type="button"
                    className="btn btn--ghost btn--sm btn--danger-text"
                    aria-label={`Remove ${user.name || user.email} from ${topic.name}`}
                    onClick={() => remove.mutate({ topic: topic.key, userIds: [user.id] })}
                  >
                    <UserMinus size={14} aria-hidden />
                    Remove
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
