import { useState } from 'react';
import { TriangleAlert, Webhook } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { WebhookEndpointDto, WebhookEndpointWithSecret } from '@shared/schemas/webhooks';
import { useNow } from '../../../../hooks/useNow';
import { useDeleteWebhook } from '../../api/webhooks/deleteWebhook';
import { useWebhooks } from '../../api/webhooks/getWebhooks';
import { useRotateWebhookSecret } from '../../api/webhooks/rotateWebhookSecret';
import { useToggleFailedToast, useUpdateWebhook } from '../../api/webhooks/updateWebhook';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ACTIONS_COLUMN, DataTable } from '../common/DataTable';
import { PageHeader } from '../common/PageHeader';
import { EmptyState } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { TableCard } from '../common/TableCard';
import { CreateWebhookForm } from './CreateWebhookForm';
import { EditWebhookDialog } from './EditWebhookDialog';
import { WebhookLog } from './WebhookLog';
import { WebhookRow } from './WebhookRow';
import { WebhookSecretDialog } from './WebhookSecretDialog';

const COLUMNS = ['admin.webhooks.col.url', 'admin.webhooks.col.events', 'admin.col.status', 'admin.col.created'] as const;

/**
 * `/admin/webhooks`: endpoints told about events, signed per Standard Webhooks. Register (the secret shown
 * once), edit, turn off/on, rotate the secret, delete; an endpoint the server turned off after repeated failures
 * is flagged at the top; each endpoint's delivery log, with "Resend".
 */
export function WebhooksPage() {
  const intl = useIntl();
  const webhooks = useWebhooks();
  const update = useUpdateWebhook();
  const toggleFailed = useToggleFailedToast();
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhook();
  const now = useNow(30_000);
  const [shown, setShown] = useState<WebhookEndpointWithSecret | null>(null);
  const [editing, setEditing] = useState<WebhookEndpointDto | null>(null);
  const [rotating, setRotating] = useState<WebhookEndpointDto | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpointDto | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const failing = webhooks.data?.items.filter((endpoint) => endpoint.disabledReason === 'failures') ?? [];
  const logEndpoint = webhooks.data?.items.find((endpoint) => endpoint.id === logOf);

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader
        title={intl.formatMessage({ id: 'admin.nav.webhooks' })}
        subtitle={<FormattedMessage id="admin.webhooks.subtitle" values={{ code: (chunks) => <code>{chunks}</code> }} />}
      />
      <div className="stack">
        {failing.length > 0 && (
          <div className="alert alert--warning" role="status" data-testid="webhooks-failing-notice">
            <TriangleAlert size={16} aria-hidden />
            <p className="alert__title">
              <FormattedMessage id="admin.webhooks.failingNotice" values={{ count: failing.length }} />
            </p>
          </div>
        )}
        <CreateWebhookForm onCreated={setShown} />
        <TableCard titleId="webhooks-title" title={intl.formatMessage({ id: 'admin.webhooks.endpoints' })}>
          <QueryView
            query={webhooks}
            loadingLabel={intl.formatMessage({ id: 'admin.webhooks.loading' })}
            skeletonRows={3}
            errorTitle={intl.formatMessage({ id: 'admin.webhooks.loadFailed' })}
            isEmpty={(data) => data.items.length === 0}
            empty={
              <EmptyState Icon={Webhook} title={intl.formatMessage({ id: 'admin.webhooks.empty.title' })}>
                <FormattedMessage id="admin.webhooks.empty.text" />
              </EmptyState>
            }
          >
            {(data) => (
              <DataTable testId="webhooks-table" columns={[...COLUMNS.map((id) => intl.formatMessage({ id })), ACTIONS_COLUMN]}>
                {data.items.map((endpoint) => (
                  <WebhookRow
                    key={endpoint.id}
                    endpoint={endpoint}
                    now={now}
                    selected={endpoint.id === logOf}
                    onShowLog={() => setLogOf(endpoint.id === logOf ? null : endpoint.id)}
                    onEdit={() => setEditing(endpoint)}
                    onToggle={() => update.mutate({ id: endpoint.id, changes: { enabled: !endpoint.enabled } }, { onError: toggleFailed })}
                    onRotate={() => setRotating(endpoint)}
                    onDelete={() => setDeleting(endpoint)}
                  />
                ))}
              </DataTable>
            )}
          </QueryView>
        </TableCard>
        {logEndpoint && <WebhookLog endpoint={logEndpoint} now={now} />}
      </div>

      <EditWebhookDialog endpoint={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={rotating !== null}
        title={intl.formatMessage({ id: 'admin.webhooks.rotate.title' })}
        confirmLabel={intl.formatMessage({ id: 'admin.webhooks.action.rotate' })}
        pending={rotate.isPending}
        onClose={() => setRotating(null)}
        onConfirm={() =>
          rotating &&
          rotate.mutate(rotating.id, {
            onSuccess: (rotated) => setShown(rotated),
            onSettled: () => setRotating(null),
          })
        }
      >
        <p>
          <FormattedMessage id="admin.webhooks.rotate.text" values={{ url: <code>{rotating?.url}</code> }} />
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={intl.formatMessage({ id: 'admin.webhooks.delete.title' })}
        confirmLabel={intl.formatMessage({ id: 'admin.webhooks.action.delete' })}
        pending={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => logOf === deleting.id && setLogOf(null),
            onSettled: () => setDeleting(null),
          })
        }
      >
        <p>
          <FormattedMessage id="admin.webhooks.delete.text" values={{ url: <code>{deleting?.url}</code> }} />
        </p>
      </ConfirmDialog>
      <WebhookSecretDialog shown={shown} onClose={() => setShown(null)} />
    </div>
  );
}
