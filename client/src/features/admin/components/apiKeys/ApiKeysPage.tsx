import { useState } from 'react';
import { KeyRound } from 'lucide-react';
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
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const now = useNow(30_000);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyDto | null>(null);
  const active = keys.data?.filter((key) => !key.revokedAt).length ?? 0;

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader
        title="API keys"
        subtitle={
          <>
            Services send with <code>Authorization: Bearer &lt;key&gt;</code>. See the{' '}
            <a href="/api/docs" target="_blank" rel="noreferrer">
              API docs
            </a>
            .
          </>
        }
      />
      <div className="stack">
        <CreateApiKeyForm onCreated={setCreated} />
        <TableCard titleId="api-keys-title" title="Keys" count={keys.data && `${active} active`}>
          <QueryView
            query={keys}
            loadingLabel="Loading API keys"
            skeletonRows={3}
            errorTitle="Couldn’t load API keys"
            isEmpty={(data) => data.length === 0}
            empty={
              <EmptyState Icon={KeyRound} title="No API keys yet">
                Create one to let a service send notifications.
              </EmptyState>
            }
          >
            {(data) => (
              <DataTable testId="api-keys-table" columns={['Name', 'Key', 'Scopes', 'Created', 'Last used', 'Status', ACTIONS_COLUMN]}>
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
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
      >
        <p>
          Every request made with <code>{revoking?.prefix}…</code> fails from now on. Services still using it stop
          sending notifications. This can’t be undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}

/** One key: name, prefix, scopes, use and status, with "Revoke" while it is active. */
function ApiKeyRow({ apiKey, now, onRevoke }: { apiKey: ApiKeyDto; now: number; onRevoke: () => void }) {
  return (
    <tr className={apiKey.revokedAt ? 'is-muted' : undefined} data-testid="api-key-row">
      <td data-label="Name" className="data-table__primary">
        {apiKey.name}
      </td>
      <td data-label="Key">
        <code>{apiKey.prefix}…</code>
      </td>
      <td data-label="Scopes">
        <span className="chips">
          {apiKey.scopes.map((scope) => (
            <span key={scope} className="chip chip--mono">
              {scope}
            </span>
          ))}
        </span>
      </td>
      <td data-label="Created">
        <RelativeTime iso={apiKey.createdAt} now={now} />
      </td>
      <td data-label="Last used">
        {apiKey.lastUsedAt ? <RelativeTime iso={apiKey.lastUsedAt} now={now} /> : <span className="muted">Never</span>}
      </td>
      <td data-label="Status">
        {apiKey.revokedAt ? (
          <span className="status-badge status-badge--cancelled" title={`Revoked ${apiKey.revokedAt}`}>
            Revoked
          </span>
        ) : (
          <span className="status-badge status-badge--sent">Active</span>
        )}
      </td>
      <td data-label="Actions" className="data-table__actions">
        {!apiKey.revokedAt && (
          <button
            type="button"
            className="btn btn--ghost btn--sm btn--danger-text"
            aria-label={`Revoke ${apiKey.name}`}
            onClick={onRevoke}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
