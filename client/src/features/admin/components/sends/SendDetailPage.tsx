import { useState, type ReactNode } from 'react';
import { ArrowLeft, Ban, CircleAlert, SearchX } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import type { SendDto } from '@shared/schemas/sends';
import type { MessageId } from '../../../../i18n/messageIds';
import { isApiError } from '../../../../lib/api';
import { PriorityBadge } from '../../../inbox';
import { useCancelSend } from '../../api/cancelSend';
import { useAdminCategoryLabel } from '../../api/getAdminCategories';
import { useSend } from '../../api/getSend';
import { formatPeople } from '../../utils/format';
import { describeRecipients } from '../../utils/recipients';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { EmptyState, ErrorState, TableSkeleton } from '../common/QueryStates';
import { ReadRate } from '../common/ReadRate';
import { SenderLabel } from '../common/SenderLabel';
import { SendStatusBadge } from '../common/SendStatusBadge';
import { FullTime } from '../common/TimeCell';
import { SendDeliveries } from '../deliveries/SendDeliveries';
import { SendActionCounts } from './SendActionCounts';
import { SendRecipientsTable } from './SendRecipientsTable';

/** `/admin/sends/:id`: one send's content, status and recipients; scheduled sends can be cancelled. */
export function SendDetailPage() {
  const intl = useIntl();
  const { id = '' } = useParams();
  const send = useSend(id);

  return (
    <div className="admin-page admin-page--wide">
      <Link to="/admin/sends" className="back-link">
        <ArrowLeft size={15} aria-hidden />
        <FormattedMessage id="admin.nav.sends" />
      </Link>
      {send.isPending ? (
        <TableSkeleton label={intl.formatMessage({ id: 'admin.send.loading' })} rows={3} />
      ) : send.isError ? (
        isApiError(send.error, 404) ? (
          <EmptyState Icon={SearchX} title={intl.formatMessage({ id: 'admin.send.missing.title' })}>
            <FormattedMessage id="admin.send.missing.text" />
          </EmptyState>
        ) : (
          <ErrorState title={intl.formatMessage({ id: 'admin.send.loadFailed' })} error={send.error} onRetry={() => void send.refetch()} />
        )
      ) : (
        <SendDetail send={send.data} />
      )}
    </div>
  );
}

function SendDetail({ send }: { send: SendDto }) {
  const intl = useIntl();
  const [confirming, setConfirming] = useState(false);
  const cancel = useCancelSend();
  const labelOf = useAdminCategoryLabel();
  const delivered = send.status === 'sent' || send.status === 'processing';

  return (
    <>
      <header className="page-header">
        <div className="detail-title">
          <h1 className="page-header__title">{send.title}</h1>
          <p className="page-header__subtitle detail-title__meta">
            <SendStatusBadge status={send.status} />
            <span className="chip">{labelOf(send.category)}</span>
            <PriorityBadge priority={send.priority} />
          </p>
        </div>
        {send.status === 'scheduled' && (
          <button type="button" className="btn btn--danger-outline" onClick={() => setConfirming(true)}>
            <Ban size={15} aria-hidden />
            <FormattedMessage id="admin.send.cancel" />
          </button>
        )}
      </header>

      {send.lastError && (
        <div className="alert alert--error" role="alert">
          <CircleAlert size={16} aria-hidden />
          <p className="alert__title">{send.lastError}</p>
        </div>
      )}

      <div className="detail-grid">
        <section className="card" aria-labelledby="send-content-title">
          <h2 id="send-content-title" className="card__title">
            <FormattedMessage id="admin.send.message" />
          </h2>
          {send.body ? (
            <p className="detail-body">{send.body}</p>
          ) : (
            <p className="muted">
              <FormattedMessage id="admin.send.noBody" />
            </p>
          )}
          {send.actionUrl && (
            <p className="detail-link">
              <FormattedMessage id="admin.send.actionUrl" values={{ url: send.actionUrl, code: (chunks) => <code>{chunks}</code> }} />
            </p>
          )}
          <p className="field__hint">
            <FormattedMessage id="admin.send.templateHint" />
          </p>
        </section>
        <section className="card" aria-labelledby="send-facts-title">
          <h2 id="send-facts-title" className="card__title">
            <FormattedMessage id="admin.send.details" />
          </h2>
          <dl className="facts">
            <Fact labelId="admin.send.sentBy">
              <SenderLabel sender={send.sender} />
            </Fact>
            <Fact labelId="admin.send.to">{describeRecipients(intl, send.to)}</Fact>
            <Fact labelId="admin.compose.recipients">{formatPeople(intl, send.recipientCount)}</Fact>
            <Fact labelId="admin.send.readRate">
              {delivered ? <ReadRate readCount={send.readCount} recipientCount={send.recipientCount} /> : '—'}
            </Fact>
            <Fact labelId="admin.send.createdAt">
              <FullTime iso={send.createdAt} />
            </Fact>
            {send.scheduledAt && (
              <Fact labelId="admin.send.scheduledFor">
                <FullTime iso={send.scheduledAt} />
              </Fact>
            )}
            {send.sentAt && (
              <Fact labelId="admin.send.sentAt">
                <FullTime iso={send.sentAt} />
              </Fact>
            )}
            {send.cancelledAt && (
              <Fact labelId="admin.send.cancelledAt">
                <FullTime iso={send.cancelledAt} />
              </Fact>
            )}
          </dl>
        </section>
      </div>

      <SendActionCounts send={send} />

      <section className="card card--flush" aria-labelledby="send-recipients-title">
        <h2 id="send-recipients-title" className="card__title card__title--padded">
          <FormattedMessage id="admin.compose.recipients" />
        </h2>
        <SendRecipientsTable send={send} />
      </section>

      {delivered && <SendDeliveries send={send} />}

      <ConfirmDialog
        open={confirming}
        title={intl.formatMessage({ id: 'admin.send.confirm.title' })}
        confirmLabel={intl.formatMessage({ id: 'admin.send.confirm.yes' })}
        cancelLabel={intl.formatMessage({ id: 'admin.send.confirm.keep' })}
        pending={cancel.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => cancel.mutate(send.id, { onSettled: () => setConfirming(false) })}
      >
        <p>
          {send.scheduledAt ? (
            <FormattedMessage id="admin.send.confirm.textOn" values={{ title: send.title, when: <FullTime iso={send.scheduledAt} /> }} />
          ) : (
            <FormattedMessage id="admin.send.confirm.text" values={{ title: send.title }} />
          )}
        </p>
      </ConfirmDialog>
    </>
  );
}

function Fact({ labelId, children }: { labelId: MessageId; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>
        <FormattedMessage id={labelId} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}
