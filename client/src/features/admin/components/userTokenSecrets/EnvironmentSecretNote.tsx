import { Server } from 'lucide-react';
import { FormattedMessage } from 'react-intl';

/** Whether `USER_TOKEN_SECRET` is set, and what that means for tokens without a `kid`. */
export function EnvironmentSecretNote({ set }: { set: boolean }) {
  return (
    <div className="alert env-note" data-testid="user-token-env" data-set={set}>
      <Server size={16} aria-hidden />
      <p>
        <FormattedMessage id={set ? 'admin.userTokens.env.set' : 'admin.userTokens.env.unset'} values={{ code: (chunks) => <code>{chunks}</code> }} />
      </p>
    </div>
  );
}
