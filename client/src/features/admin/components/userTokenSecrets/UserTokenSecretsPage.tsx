import { useEffect, useRef, useState } from 'react';
import { KeySquare } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CreatedUserTokenSecret, UserTokenSecretDto } from '@shared/schemas/userTokens';
import { useNow } from '../../../../hooks/useNow';
import { useUserTokenSecrets } from '../../api/userTokenSecrets/getUserTokenSecrets';
import { useRevokeUserTokenSecret } from '../../api/userTokenSecrets/revokeUserTokenSecret';
import { useRotateUserTokenSecret } from '../../api/userTokenSecrets/rotateUserTokenSecret';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ACTIONS_COLUMN, DataTable } from '../common/DataTable';
import { PageHeader } from '../common/PageHeader';
import { EmptyState } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { TableCard } from '../common/TableCard';
import { CreateUserTokenSecretForm } from './CreateUserTokenSecretForm';
import { EnvironmentSecretNote } from './EnvironmentSecretNote';
import { NewSecretDialog } from './NewSecretDialog';
import { RotateSecretDialog } from './RotateSecretDialog';
import { UserTokenSecretRow } from './UserTokenSecretRow';
import { secretStatusAt } from './secretStatus';
import './userTokenSecrets.css';

const COLUMNS = [
  'admin.col.name',
  'admin.userTokens.col.kid',
  'admin.userTokens.col.secret',
  'admin.col.status',
  'admin.col.created',
  'admin.userTokens.col.ends',
] as const;

/**
 * `/admin/user-tokens`: the secrets host backends sign user tokens with, for the embedded inbox. Create and
 * rotate (the new secret shown once, with signing code), revoke.
 */
export function UserTokenSecretsPage() {
  const intl = useIntl();
  const secrets = useUserTokenSecrets();
  const rotate = useRotateUserTokenSecret();
  const revoke = useRevokeUserTokenSecret();
  const now = useNow(30_000);
  const [shown, setShown] = useState<CreatedUserTokenSecret | null>(null);
  const [rotating, setRotating] = useState<UserTokenSecretDto | null>(null);
  const [revoking, setRevoking] = useState<UserTokenSecretDto | null>(null);
  const refocus = useRowFocusFallback(shown !== null || rotating !== null || revoking !== null);
  const active = secrets.data?.items.filter((secret) => secretStatusAt(secret, now) === 'active').length ?? 0;

  const startRotate = (secret: UserTokenSecretDto) => {
    rotate.reset();
    setRotating(secret);
  };
  const confirmRotate = (overlapSeconds: number) => {
    if (!rotating) return;
    rotate.mutate(
      { id: rotating.id, input: { overlapSeconds } },
      {
        onSuccess: (created) => {
          setRotating(null);
          setShown(created);
        },
      },
    );
  };

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader
        title={intl.formatMessage({ id: 'admin.nav.userTokens' })}
        subtitle={
          <FormattedMessage
            id="admin.userTokens.subtitle"
            values={{
              sub: <code>sub</code>,
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
        {secrets.data && <EnvironmentSecretNote set={secrets.data.environmentSecret} />}
        <CreateUserTokenSecretForm onCreated={setShown} />
        <TableCard titleId="user-token-secrets-title" title={intl.formatMessage({ id: 'admin.userTokens.secrets' })}
          count={secrets.data && intl.formatMessage({ id: 'admin.apiKeys.activeCount' }, { count: active })}
        >
          <QueryView
            query={secrets}
            loadingLabel={intl.formatMessage({ id: 'admin.userTokens.loading' })}
            skeletonRows={3}
            errorTitle={intl.formatMessage({ id: 'admin.userTokens.loadFailed' })}
            isEmpty={(data) => data.items.length === 0}
            empty={
              <EmptyState Icon={KeySquare} title={intl.formatMessage({ id: 'admin.userTokens.empty.title' })}>
                <FormattedMessage id="admin.userTokens.empty.text" />
              </EmptyState>
            }
          >
            {(data) => (
              <DataTable testId="user-token-secrets-table" columns={[...COLUMNS.map((id) => intl.formatMessage({ id })), ACTIONS_COLUMN]}>
                {data.items.map((secret) => (
                  <UserTokenSecretRow
                    key={secret.id}
                    secret={secret}
                    now={now}
                    onRotate={() => startRotate(secret)}
                    onRevoke={() => setRevoking(secret)}
                  />
                ))}
              </DataTable>
            )}
          </QueryView>
        </TableCard>
      </div>

      {/* Rotate first: a rotation closes it and opens NewSecretDialog in one render, and one modal must
          close before the next opens for focus to move into the new one. */}
      <RotateSecretDialog
        secret={rotating}
        pending={rotate.isPending}
        error={rotate.error}
        onConfirm={confirmRotate}
        onClose={() => {
          refocus(rotating?.id);
          setRotating(null);
        }}
      />
      <NewSecretDialog
        created={shown}
        onClose={() => {
          refocus(shown?.userTokenSecret.id);
          setShown(null);
        }}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={intl.formatMessage({ id: 'admin.apiKeys.revoke.title' }, { name: revoking?.name ?? '' })}
        confirmLabel={intl.formatMessage({ id: 'admin.userTokens.revoke.confirm' })}
        pending={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          refocus(revoking.id);
          revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) });
        }}
      >
        <p>
          <FormattedMessage id="admin.userTokens.revoke.text" values={{ kid: <code>{revoking?.id}</code> }} />
        </p>
      </ConfirmDialog>
    </div>
  );
}

/**
 * Focus for when a dialog closes: a native dialog gives it back to the button that opened it, but "Rotate"
 * and "Revoke" leave a row once it is rotated or revoked, and focus would fall to the page's body. Then it
 * goes to that secret's row (for a rotation, the new secret's), so keyboard and screen-reader users keep
 * their place. Call the returned function with the row's id as a dialog closes.
 */
function useRowFocusFallback(dialogOpen: boolean) {
  const target = useRef<string | undefined>(undefined);
  // After every render: the row may change in a later render than the one that closes the dialog.
  useEffect(() => {
    if (dialogOpen || !target.current) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) {
      target.current = undefined;
      return;
    }
    const row = document.querySelector<HTMLElement>(`[data-secret-id="${CSS.escape(target.current)}"]`);
    if (!row) return;
    target.current = undefined;
    row.focus();
  });
  return (id: string | undefined) => {
    target.current = id;
  };
}
