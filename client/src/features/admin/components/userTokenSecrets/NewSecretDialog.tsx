import { TriangleAlert } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();
  const secret = created?.userTokenSecret;
  const replaced = created?.replaced;
  return (
    <Dialog
      open={created !== null}
      title={intl.formatMessage({ id: replaced ? 'admin.userTokens.new.rotatedTitle' : 'admin.userTokens.new.title' }, { name: secret?.name ?? '' })}
      onClose={onClose}
      testId="user-token-secret-dialog"
      className="dialog--wide"
      footer={
        <button type="button" className="btn btn--primary" onClick={onClose}>
          <FormattedMessage id="admin.userTokens.new.saved" />
        </button>
      }
    >
      <div className="alert alert--warning">
        <TriangleAlert size={16} aria-hidden />
        <p className="alert__title">
          <FormattedMessage id="admin.userTokens.new.warning" />
        </p>
      </div>
      {replaced && (
        <p data-testid="user-token-rotation-note">
          {replaced.status === 'retiring' && replaced.expiresAt ? (
            <FormattedMessage
              id="admin.userTokens.new.retiring"
              values={{ kid: <code>{replaced.id}</code>, until: <FullTime iso={replaced.expiresAt} /> }}
            />
          ) : (
            <FormattedMessage id="admin.userTokens.new.stopped" values={{ kid: <code>{replaced.id}</code> }} />
          )}
        </p>
      )}
      <SecretField id="user-token-secret" label={intl.formatMessage({ id: 'admin.userTokens.new.secretLabel' })} value={created?.secret ?? ''} testId="user-token-secret-value" />
      <SecretField id="user-token-kid" label={intl.formatMessage({ id: 'admin.userTokens.new.kidLabel' })} value={secret?.id ?? ''} testId="user-token-secret-kid" />
      {secret && <SigningSnippet kid={secret.id} />}
      <p className="field__hint">
        <FormattedMessage id="admin.userTokens.new.keep" />
      </p>
    </Dialog>
  );
}
