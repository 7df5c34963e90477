import { useState } from 'react';
import { KeyRound } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ApiKeyDto, CreatedApiKey } from '@shared/schemas/directory';
import { useNow } from '../../../../hooks/useNow';
import { useApiKeys } from '../../api/getApiKeys';
import { useRevokeApiKey } from '../../api/revokeApiKey';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ACTIONS_COLUMN, DataTable } from '../common/DataTable';
import { PageHeader } from '../common/PageHeader';
import { EmptyState } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { TableCard } from '../common/TableCard';
import { RelativeTime } from '../common/TimeCell';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import { SecretDialog } from './SecretDialog';

/** `/admin/api-keys`: the keys services send with; create (secret shown once) and revoke. */
export function ApiKeysPage() {
  const intl = useIntl();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const now = useNow(30_000);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyDto | null>(null);
  const active = keys.data?.filter((key) => !key.revokedAt).length ?? 0;

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader
        title={intl.formatMessage({ id: 'admin.apiKeys.title' })}
        subtitle={
          <FormattedMessage
            id="admin.apiKeys.subtitle"
            values={{
              header: <code>Authorization: Bearer &lt;key&gt;</code>,
              docs: (chunks) => (
                <a href="/api/docs" target="_blank" rel="noreferrer">
                  {chunks}
                </a>
              ),
            }}
          />
        }
      />
      <div className="stack">
        <CreateApiKeyForm onCreated={setCreated} />
        <TableCard titleId="api-keys-title" title={intl.formatMessage({ id: 'admin.apiKeys.keys' })} count={keys.data && intl.formatMessage({ id: 'admin.apiKeys.activeCount' }, { count: active })}>
          <QueryView
            query={keys}
            loadingLabel={intl.formatMessage({ id: 'admin.apiKeys.loading' })}
            skeletonRows={3}
            errorTitle={intl.formatMessage({ id: 'admin.apiKeys.loadFailed' })}
            isEmpty={(data) => data.length === 0}
            empty={
              <EmptyState Icon={KeyRound} title={intl.formatMessage({ id: 'admin.apiKeys.empty.title' })}>
                <FormattedMessage id="admin.apiKeys.empty.text" />
              </EmptyState>
            }
          >
            {(data) => (
              <DataTable testId="api-keys-table" columns={[
                  intl.formatMessage({ id: 'admin.col.name' }),
                  intl.formatMessage({ id: 'admin.apiKeys.col.key' }),
                  intl.formatMessage({ id: 'admin.apiKeys.col.scopes' }),
                  intl.formatMessage({ id: 'admin.col.created' }),
                  intl.formatMessage({ id: 'admin.col.lastUsed' }),
                  intl.formatMessage({ id: 'admin.col.status' }),
                  ACTIONS_COLUMN,
                ]}>
                {data.map((key) => (
                  <ApiKeyRow key={key.id} apiKey={key} now={now} onRevoke={() => setRevoking(key)} />
                ))}
              </DataTable>
            )}
          </QueryView>
        </TableCard>
      </div>

      <SecretDialog created={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        open={revoking !== null}
        title={intl.formatMessage({ id: 'admin.apiKeys.revoke.title' }, { name: revoking?.name ?? '' })}
        confirmLabel={intl.formatMessage({ id: 'admin.apiKeys.revoke.confirm' })}
        pending={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
      >
        <p>
          <FormattedMessage id="admin.apiKeys.revoke.text" values={{ prefix: <code>{revoking?.prefix}…</code> }} />
        </p>
      </ConfirmDialog>
    </div>
  );
}

/** One key: name, prefix, scopes, use and status, with "Revoke" while it is active. */
function ApiKeyRow({ apiKey, now, onRevoke }: { apiKey: ApiKeyDto; now: number; onRevoke: () => void }) {
  const intl = useIntl();
  return (
    <tr className={apiKey.revokedAt ? 'is-muted' : undefined} data-testid="api-key-row">
      <td data-label={intl.formatMessage({ id: 'admin.col.name' })} className="data-table__primary">
        {apiKey.name}
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.apiKeys.col.key' })}>
        <code>{apiKey.prefix}…</code>
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.apiKeys.col.scopes' })}>
        <span className="chips">
          {apiKey.scopes.map((scope) => (
            <span key={scope} className="chip chip--mono">
              {scope}
            </span>
          ))}
        </span>
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.col.created' })}>
        <RelativeTime iso={apiKey.createdAt} now={now} />
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.col.lastUsed' })}>
        {apiKey.lastUsedAt ? <RelativeTime iso={apiKey.lastUsedAt} now={now} /> : <span className="muted">
            <FormattedMessage id="admin.never" />
          </span>}
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.col.status' })}>
        {apiKey.revokedAt ? (
          <span className="status-badge status-badge--cancelled" title={intl.formatMessage({ id: 'admin.revokedAt' }, { when: apiKey.revokedAt })}>
            <FormattedMessage id="admin.status.revoked" />
          </span>
        ) : (
          <span className="status-badge status-badge--sent">
            <FormattedMessage id="admin.status.active" />
          </span>
        )}
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.table.actions' })} className="data-table__actions">
        {!apiKey.revokedAt && (
          <button
            type="button"
            className="btn btn--ghost btn--sm btn--danger-text"
            aria-label={intl.formatMessage({ id: 'admin.revokeLabel' }, { name: apiKey.name })}
            onClick={onRevoke}
          >
            <FormattedMessage id="admin.revoke" />
          </button>
        )}
      </td>
    </tr>
  );
}
