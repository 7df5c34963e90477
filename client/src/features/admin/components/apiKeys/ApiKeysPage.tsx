import { useState } from 'react';
import { KeyRound } from 'lucide-react';
import type { ApiKeyDto, CreatedApiKey } from '@shared/schemas/directory';
import { useNow } from '../../../../hooks/useNow';
import { useApiKeys } from '../../api/getApiKeys';
import { useRevokeApiKey } from '../../api/revokeApiKey';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { PageHeader } from '../common/PageHeader';
import { EmptyState, ErrorState, TableSkeleton } from '../common/QueryStates';
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
        <section className="card card--flush" aria-labelledby="api-keys-title">
          <h2 id="api-keys-title" className="card__title card__title--padded">
            Keys {keys.data && <span className="card__count">{active} active</span>}
          </h2>
          {keys.isPending ? (
            <TableSkeleton label="Loading API keys" rows={3} />
          ) : keys.isError ? (
            <ErrorState title="Couldn’t load API keys" error={keys.error} onRetry={() => void keys.refetch()} />
          ) : keys.data.length === 0 ? (
            <EmptyState Icon={KeyRound} title="No API keys yet">
              Create one to let a service send notifications.
            </EmptyState>
          ) : (
            <div className="table-scroll">
              <table className="data-table" data-testid="api-keys-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Key</th>
                    <th scope="col">Scopes</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {keys.data.map((key) => (
                    <tr key={key.id} className={key.revokedAt ? 'is-muted' : undefined} data-testid="api-key-row">
                      <td data-label="Name" className="data-table__primary">
                        {key.name}
                      </td>
                      <td data-label="Key">
                        <code>{key.prefix}…</code>
                      </td>
                      <td data-label="Scopes">
                        <span className="chips">
                          {key.scopes.map((scope) => (
                            <span key={scope} className="chip chip--mono">
                              {scope}
                            </span>
                          ))}
                        </span>
                      </td>
                      <td data-label="Created">
                        <RelativeTime iso={key.createdAt} now={now} />
                      </td>
                      <td data-label="Last used">
                        {key.lastUsedAt ? <RelativeTime iso={key.lastUsedAt} now={now} /> : <span className="muted">Never</span>}
                      </td>
                      <td data-label="Status">
                        {key.revokedAt ? (
                          <span className="status-badge status-badge--cancelled" title={`Revoked ${key.revokedAt}`}>
                            Revoked
                          </span>
                        ) : (
                          <span className="status-badge status-badge--sent">Active</span>
                        )}
                      </td>
                      <td data-label="Actions" className="data-table__actions">
                        {!key.revokedAt && (
                          <button
                            type="button"
                            className="btn btn--ghost btn--sm btn--danger-text"
                            aria-label={`Revoke ${key.name}`}
                            onClick={() => setRevoking(key)}
                          >
                            Revoke
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
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
