import { Megaphone } from 'lucide-react';
import clsx from 'clsx';
import { Link, useSearchParams } from 'react-router';
import { useNow } from '../../../../hooks/useNow';
import { useTopics } from '../../api/getTopics';
import { formatCount } from '../../utils/format';
import { DataTable } from '../common/DataTable';
import { PageHeader } from '../common/PageHeader';
import { EmptyState } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { TableCard } from '../common/TableCard';
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
          <TableCard titleId="topics-title" title="All topics" count={topics.data?.length}>
            <QueryView
              query={topics}
              loadingLabel="Loading topics"
              skeletonRows={4}
              errorTitle="Couldn’t load topics"
              isEmpty={(data) => data.length === 0}
              empty={
                <EmptyState Icon={Megaphone} title="No topics yet">
                  Create a topic, add subscribers, then pick it in the composer.
                </EmptyState>
              }
            >
              {(data) => (
                <DataTable testId="topics-table" columns={['Topic', 'Key', { label: 'Subscribers', numeric: true }, 'Created']}>
                  {data.map((topic) => {
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
                </DataTable>
              )}
            </QueryView>
          </TableCard>
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
