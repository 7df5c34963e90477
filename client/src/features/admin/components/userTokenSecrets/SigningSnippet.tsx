import { FormattedMessage, useIntl } from 'react-intl';
import { CopyButton } from '../common/CopyButton';
import { signingSnippet } from './signingSnippet';

/** The Node (jose) code that signs user tokens with the secret `kid`, with a copy button. */
export function SigningSnippet({ kid }: { kid: string }) {
  const intl = useIntl();
  const code = signingSnippet(kid);
  return (
    <div className="snippet">
      <div className="snippet__head">
        <p id="user-token-snippet-title" className="field__label">
          <FormattedMessage id="admin.userTokens.snippet.title" values={{ lib: <code>jose</code> }} />
        </p>
        <CopyButton text={code} label={intl.formatMessage({ id: 'admin.userTokens.snippet.copy' })} />
      </div>
      {/* Focusable: it scrolls sideways on narrow screens, and a keyboard must be able to scroll it too. */}
      <pre className="code-block" tabIndex={0} aria-labelledby="user-token-snippet-title" data-testid="user-token-snippet">
        <code>{code}</code>
      </pre>
    </div>
  );
}
