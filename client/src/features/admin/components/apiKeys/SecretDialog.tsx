import { useState } from 'react';
import { Check, Copy, TriangleAlert } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CreatedApiKey } from '@shared/schemas/directory';
import { Dialog } from '../../../../components/Dialog';

/** Shows a new key's secret, once, with a copy button; closing it is the last chance to copy. */
export function SecretDialog({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  const intl = useIntl();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied(true);
    } catch {
      // Clipboard blocked (insecure origin, permissions): select the text so Ctrl+C works.
      (document.getElementById('api-key-secret') as HTMLInputElement | null)?.select();
    }
  };
  const close = () => {
    setCopied(false);
    onClose();
  };

  return (
    <Dialog
      open={created !== null}
      title={intl.formatMessage({ id: 'admin.apiKeys.secret.title' }, { name: created?.apiKey.name ?? '' })}
      onClose={close}
      testId="api-key-secret-dialog"
      footer={
        <button type="button" className="btn btn--primary" onClick={close}>
          <FormattedMessage id="admin.apiKeys.secret.saved" />
        </button>
      }
    >
      <div className="alert alert--warning">
        <TriangleAlert size={16} aria-hidden />
        <p className="alert__title">
          <FormattedMessage id="admin.apiKeys.secret.warning" />
        </p>
      </div>
      <label htmlFor="api-key-secret" className="field__label">
        <FormattedMessage id="admin.apiKeys.secret.label" />
      </label>
      <div className="secret">
        <input
          id="api-key-secret"
          className="secret__value"
          readOnly
          value={created?.secret ?? ''}
          onFocus={(event) => event.currentTarget.select()}
          data-testid="api-key-secret"
        />
        <button type="button" className="btn btn--secondary" onClick={() => void copy()}>
          {copied ? <Check size={15} aria-hidden /> : <Copy size={15} aria-hidden />}
          <FormattedMessage id={copied ? 'admin.copy.copied' : 'admin.copy.copy'} />
        </button>
      </div>
      <p className="field__hint" aria-live="polite">
        <FormattedMessage id={copied ? 'admin.apiKeys.secret.copied' : 'admin.apiKeys.secret.store'} />{' '}
        <FormattedMessage id="admin.apiKeys.secret.hashed" />
      </p>
    </Dialog>
  );
}
