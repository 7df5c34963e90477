import { Megaphone } from 'lucide-react';
import clsx from 'clsx';
import { Link, useSearchParams } from 'react-router';
import { useNow } from '../../../../hooks/useNow';
import { useTopics } from '../../api/getTopics';
import { formatCount } from '../../utils/format';
import { PageHeader } from '../common/PageHeader';
import { EmptyState, ErrorState, TableSkeleton } from '../common/QueryStates';
import { RelativeTime } from '../common/TimeCell';
import { CreateTopicForm } from './CreateTopicForm';
import { TopicSubscribersPanel } from './TopicSubscribersPanel';

/** `/admin/topics`: topics people subscribe to; `?topic=key` opens one's subscribers. */
export function TopicsPage() {
  const topics = useTopics();
  const [params] = useSearchParams();
  const now = useNow(60_000);
  const selectedKey = params.get('topic');
  const selected = topics.data?.find((topic) => topic.key === selectedKey);

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader title="Topics" subtitle="Send to everyone subscribed to a topic, like release notes or an incident." />
      <div className="split">
        <div className="split__main stack">
          <section className="card card--flush" aria-labelledby="topics-title">
            <h2 id="topics-title" className="card__title card__title--padded">
              All topics {topics.data && <span className="card__count">{topics.data.length}</span>}
            </h2>
            {topics.isPending ? (
              <TableSkeleton label="Loading topics" rows={4} />
            ) : topics.isError ? (
              <ErrorState title="Couldn’t load topics" error={topics.error} onRetry={() => void topics.refetch()} />
            ) : topics.data.length === 0 ? (
              <EmptyState Icon={Megaphone} title="No topics yet">
                Create a topic, add subscribers, then pick it in the composer.
              </EmptyState>
            ) : (
              <div className="table-scroll">
                <table className="data-table" data-testid="topics-table">
                  <thead>
                    <tr>
                      <th scope="col">Topic</th>
                      <th scope="col">Key</th>
                      <th scope="col" className="num">
                        Subscribers
                      </th>
                      <th scope="col">Created</th>
                    </tr>
                  </thead>
                  <tbody>
                    {topics.data.map((topic) => {
                      const current = topic.key === selectedKey;
                      return (
                        <tr key={topic.key} className={clsx(current && 'is-selected')} data-testid="topic-row">
                          <td data-label="Topic" className="data-table__primary">
                            <Link
                              to={`?topic=${encodeURIComponent(topic.key)}`}
                              className="row-link"
                              aria-current={current ? 'true' : undefined}
                              preventScrollReset
                            >
                              {topic.name}
                            </Link>
                          </td>
                          <td data-label="Key">
                            <code>{topic.key}</code>
                          </td>
                          <td data-label="Subscribers" className="num">
                            {formatCount(topic.subscriberCount)}
                          </td>
                          <td data-label="Created">
                            <RelativeTime iso={topic.createdAt} now={now} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {selected && <TopicSubscribersPanel key={selected.key} topic={selected} />}
          {selectedKey && topics.isSuccess && !selected && (
            <p className="alert alert--warning" role="status">
              There is no topic “{selectedKey}”.
            </p>
          )}
        </div>
        <CreateTopicForm />
      </div>
    </div>
  );
}
