import { Server } from 'lucide-react';

/** Whether `USER_TOKEN_SECRET` is set, and what that means for tokens without a `kid`. */
export function EnvironmentSecretNote({ set }: { set: boolean }) {
  return (
    <div className="alert env-note" data-testid="user-token-env" data-set={set}>
      <Server size={16} aria-hidden />
      <p>
        {set ? (
          <>
            <code>USER_TOKEN_SECRET</code> is set in the server’s environment: tokens without a <code>kid</code> header are
            verified with it. Change it there; it is not listed below.
          </>
        ) : (
          <>
            <code>USER_TOKEN_SECRET</code> is not set in the server’s environment: every token must name one of the secrets
            below in its <code>kid</code> header.
          </>
        )}
      </p>
    </div>
  );
}
