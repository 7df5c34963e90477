import { TriangleAlert } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { WebhookEndpointWithSecret } from '@shared/schemas/webhooks';
import { Dialog } from '../../../../components/Dialog';
import { SecretField } from '../userTokenSecrets/SecretField';

/** A new signing secret (a new endpoint's, or a rotation's), shown once; closing it is the last chance to copy it. */
export function WebhookSecretDialog({ shown, onClose }: { shown: WebhookEndpointWithSecret | null; onClose: () => void }) {
  const intl = useIntl();
  return (
    <Dialog
      open={shown !== null}
      title={intl.formatMessage({ id: 'admin.webhooks.secret.title' })}
      onClose={onClose}
      testId="webhook-secret-dialog"
      footer={
        <button type="button" className="btn btn--primary" onClick={onClose}>
          <FormattedMessage id="admin.webhooks.secret.saved" />
        </button>
      }
    >
      <div className="alert alert--warning">
        <TriangleAlert size={16} aria-hidden />
        <p className="alert__title">
          <FormattedMessage id="admin.webhooks.secret.warning" />
        </p>
      </div>
      <p>
        <code>{shown?.endpoint.url}</code>
      </p>
      <SecretField id="webhook-secret" label={intl.formatMessage({ id: 'admin.webhooks.secret.label' })} value={shown?.secret ?? ''} testId="webhook-secret-value" />
      <p className="field__hint">
        <FormattedMessage id="admin.webhooks.secret.verify" values={{ code: (chunks) => <code>{chunks}</code> }} />
      </p>
    </Dialog>
  );
}
