import { useState, type ReactNode } from 'react';
import { ArrowLeft, Ban, CircleAlert } from 'lucide-react';
import { Link, useParams } from 'react-router';
import type { SendDto } from '@shared/schemas/sends';
import { isApiError } from '../../../../lib/api';
import { PriorityBadge } from '../../../inbox';
import { useCancelSend } from '../../api/cancelSend';
import { useAdminCategoryLabel } from '../../api/getAdminCategories';
import { useSend } from '../../api/getSend';
import { formatPeople } from '../../utils/format';
import { describeRecipients } from '../../utils/recipients';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorState, TableSkeleton } from '../common/QueryStates';
import { ReadRate } from '../common/ReadRate';
import { SenderLabel } from '../common/SenderLabel';
import { SendStatusBadge } from '../common/SendStatusBadge';
import { FullTime } from '../common/TimeCell';
import { SendDeliveries } from '../deliveries/SendDeliveries';
import { SendActionCounts } from './SendActionCounts';
import { SendRecipientsTable } from './SendRecipientsTable';

/** `/admin/sends/:id`: one send's content, status and recipients; scheduled sends can be cancelled. */
export function SendDetailPage() {
  const { id = '' } = useParams();
  const send = useSend(id);

  return (
    <div className="admin-page admin-page--wide">
      <Link to="/admin/sends" className="back-link">
        <ArrowLeft size={15} aria-hidden />
        Sent
      </Link>
      {send.isPending ? (
        <TableSkeleton label="Loading the send" rows={3} />
      ) : send.isError ? (
        isApiError(send.error, 404) ? (
          <div className="empty-state">
            <p className="empty-state__title">This send doesn’t exist</p>
            <p className="empty-state__text">It may have been removed, or the link is wrong.</p>
          </div>
        ) : (
          <ErrorState title="Couldn’t load the send" error={send.error} onRetry={() => void send.refetch()} />
        )
      ) : (
        <SendDetail send={send.data} />
      )}
    </div>
  );
}

function SendDetail({ send }: { send: SendDto }) {
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
            Cancel send
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
            Message
          </h2>
          {send.body ? <p className="detail-body">{send.body}</p> : <p className="muted">No body.</p>}
          {send.actionUrl && (
            <p className="detail-link">
              Action link: <code>{send.actionUrl}</code>
            </p>
          )}
          <p className="field__hint">Shown as written; each recipient saw the template filled in for them.</p>
        </section>
        <section className="card" aria-labelledby="send-facts-title">
          <h2 id="send-facts-title" className="card__title">
            Details
          </h2>
          <dl className="facts">
            <Fact label="Sent by">
              <SenderLabel sender={send.sender} />
            </Fact>
            <Fact label="To">{describeRecipients(send.to)}</Fact>
            <Fact label="Recipients">{formatPeople(send.recipientCount)}</Fact>
            <Fact label="Read rate">
              {delivered ? <ReadRate readCount={send.readCount} recipientCount={send.recipientCount} /> : '—'}
            </Fact>
            <Fact label="Created">
              <FullTime iso={send.createdAt} />
            </Fact>
            {send.scheduledAt && (
              <Fact label="Scheduled for">
                <FullTime iso={send.scheduledAt} />
              </Fact>
            )}
            {send.sentAt && (
              <Fact label="Sent">
                <FullTime iso={send.sentAt} />
              </Fact>
            )}
            {send.cancelledAt && (
              <Fact label="Cancelled">
                <FullTime iso={send.cancelledAt} />
              </Fact>
            )}
          </dl>
        </section>
      </div>

      <SendActionCounts send={send} />

      <section className="card card--flush" aria-labelledby="send-recipients-title">
        <h2 id="send-recipients-title" className="card__title card__title--padded">
          Recipients
        </h2>
        <SendRecipientsTable send={send} />
      </section>

      {delivered && <SendDeliveries send={send} />}

      <ConfirmDialog
        open={confirming}
        title="Cancel this send?"
        confirmLabel="Yes, cancel send"
        cancelLabel="Keep it scheduled"
        pending={cancel.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => cancel.mutate(send.id, { onSettled: () => setConfirming(false) })}
      >
        <p>
          “{send.title}” will not go out
          {send.scheduledAt ? (
            <>
              {' '}
              on <FullTime iso={send.scheduledAt} />
            </>
          ) : null}
          . Nobody will receive it, and this can’t be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
