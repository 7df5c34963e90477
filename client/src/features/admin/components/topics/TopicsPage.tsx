import { Megaphone } from 'lucide-react';
import clsx from 'clsx';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { useNow } from '../../../../hooks/useNow';
import { useTopics } from '../../api/getTopics';
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
  const intl = useIntl();
  const topics = useTopics();
  const [params] = useSearchParams();
  const now = useNow(60_000);
  const selectedKey = params.get('topic');
  const selected = topics.data?.find((topic) => topic.key === selectedKey);

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader title={intl.formatMessage({ id: 'admin.topics.title' })} subtitle={intl.formatMessage({ id: 'admin.topics.subtitle' })} />
      <div className="split">
        <div className="split__main stack">
          <TableCard titleId="topics-title" title={intl.formatMessage({ id: 'admin.topics.all' })} count={topics.data?.length}>
            <QueryView
              query={topics}
              loadingLabel={intl.formatMessage({ id: 'admin.topics.loading' })}
              skeletonRows={4}
              errorTitle={intl.formatMessage({ id: 'admin.topics.loadFailed' })}
              isEmpty={(data) => data.length === 0}
              empty={
                <EmptyState Icon={Megaphone} title={intl.formatMessage({ id: 'admin.topics.empty.title' })}>
                  <FormattedMessage id="admin.topics.empty.text" />
                </EmptyState>
              }
            >
              {(data) => (
                <DataTable testId="topics-table" columns={[
                    intl.formatMessage({ id: 'admin.topics.col.topic' }),
                    intl.formatMessage({ id: 'admin.apiKeys.col.key' }),
                    { label: intl.formatMessage({ id: 'admin.topics.col.subscribers' }), numeric: true },
                    intl.formatMessage({ id: 'admin.col.created' }),
                  ]}>
                  {data.map((topic) => {
                    const current = topic.key === selectedKey;
                    return (
                      <tr key={topic.key} className={clsx(current && 'is-selected')} data-testid="topic-row">
                        <td data-label={intl.formatMessage({ id: 'admin.topics.col.topic' })} className="data-table__primary">
                          <Link
                            to={`?topic=${encodeURIComponent(topic.key)}`}
                            className="row-link"
                            aria-current={current ? 'true' : undefined}
                            preventScrollReset
                          >
                            {topic.name}
                          </Link>
                        </td>
                        <td data-label={intl.formatMessage({ id: 'admin.apiKeys.col.key' })}>
                          <code>{topic.key}</code>
                        </td>
                        <td data-label={intl.formatMessage({ id: 'admin.topics.col.subscribers' })} className="num">
                          {intl.formatNumber(topic.subscriberCount)}
                        </td>
                        <td data-label={intl.formatMessage({ id: 'admin.col.created' })}>
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
              <FormattedMessage id="admin.topics.missing" values={{ key: selectedKey }} />
            </p>
          )}
        </div>
        <CreateTopicForm />
      </div>
    </div>
  );
}
