import { TriangleAlert } from 'lucide-react';
import type { CreatedUserTokenSecret } from '@shared/schemas/userTokens';
import { Dialog } from '../../../../components/Dialog';
import { FullTime } from '../common/TimeCell';
import { SecretField } from './SecretField';
import { SigningSnippet } from './SigningSnippet';

/**
 * A new secret (created, or the successor of a rotation), shown once: the secret and its `kid` to copy,
 * and the code that signs with them. Closing it is the last chance to copy the secret.
 */
export function NewSecretDialog({ created, onClose }: { created: CreatedUserTokenSecret | null; onClose: () => void }) {
  const secret = created?.userTokenSecret;
  const replaced = created?.replaced;
  return (
    <Dialog
      open={created !== null}
      title={replaced ? `“${secret?.name ?? ''}” rotated: its new secret` : `“${secret?.name ?? ''}” is ready`}
      onClose={onClose}
      testId="user-token-secret-dialog"
      className="dialog--wide"
      footer={
        <button type="button" className="btn btn--primary" onClick={onClose}>
          I’ve saved the secret
        </button>
      }
    >
      <div className="alert alert--warning">
        <TriangleAlert size={16} aria-hidden />
        <p className="alert__title">Copy this secret now. You won’t be able to see it again.</p>
      </div>
      {replaced && (
        <p data-testid="user-token-rotation-note">
          {replaced.status === 'retiring' && replaced.expiresAt ? (
            <>
              Tokens signed with the old secret (<code>{replaced.id}</code>) keep working until{' '}
              <FullTime iso={replaced.expiresAt} />: switch your backend to the new one before then.
            </>
          ) : (
            <>
              The old secret (<code>{replaced.id}</code>) stopped working now: tokens signed with it are refused.
            </>
          )}
        </p>
      )}
      <SecretField id="user-token-secret" label="Signing secret" value={created?.secret ?? ''} testId="user-token-secret-value" />
      <SecretField id="user-token-kid" label="Key ID (kid header)" value={secret?.id ?? ''} testId="user-token-secret-kid" />
      {secret && <SigningSnippet kid={secret.id} />}
      <p className="field__hint">
        Keep the secret on your server: whoever holds it can open the inbox of any of your users. Lost secrets can only be
        rotated or revoked.
      </p>
    </Dialog>
  );
}
