import { useEffect, useRef, useState } from 'react';
import { KeySquare } from 'lucide-react';
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

const COLUMNS = ['Name', 'Key ID (kid)', 'Secret', 'Status', 'Created', 'Ends', ACTIONS_COLUMN];

/**
 * `/admin/user-tokens`: the secrets host backends sign user tokens with, for the embedded inbox. Create and
 * rotate (the new secret shown once, with signing code), revoke.
 */
export function UserTokenSecretsPage() {
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
        title="User tokens"
        subtitle={
          <>
            Host backends sign short-lived JWTs for their users (HS256, <code>sub</code> = the user’s externalId) with these
            secrets, so the inbox can live inside their pages. See the{' '}
            <a href="/api/docs" target="_blank" rel="noreferrer">
              API docs
            </a>
            .
          </>
        }
      />
      <div className="stack">
        {secrets.data && <EnvironmentSecretNote set={secrets.data.environmentSecret} />}
        <CreateUserTokenSecretForm onCreated={setShown} />
        <TableCard titleId="user-token-secrets-title" title="Signing secrets" count={secrets.data && `${active} active`}>
          <QueryView
            query={secrets}
            loadingLabel="Loading signing secrets"
            skeletonRows={3}
            errorTitle="Couldn’t load signing secrets"
            isEmpty={(data) => data.items.length === 0}
            empty={
              <EmptyState Icon={KeySquare} title="No signing secrets yet">
                Create one for each host app whose backend signs its users’ tokens.
              </EmptyState>
            }
          >
            {(data) => (
              <DataTable testId="user-token-secrets-table" columns={COLUMNS}>
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
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke secret"
        pending={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          refocus(revoking.id);
          revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) });
        }}
      >
        <p>
          Tokens signed with <code>{revoking?.id}</code> stop working at once, and embedded inboxes using them are
          disconnected. Host backends still signing with it must switch to another secret. This can’t be undone.
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
