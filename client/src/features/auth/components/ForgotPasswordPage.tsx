import { useState, type FormEvent } from 'react';
import type { IntlShape } from 'react-intl';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { passwordResetRequestSchema } from '@shared/schemas/account';
import { isApiError } from '../../../lib/api';
import { useRequestPasswordReset } from '../api/passwordReset';
import { PublicCard } from './PublicCard';

/**
 * `/forgot-password`: asks for a link to choose a new password. It says the same whether or not the
 * address has an account (the server does too), so the page cannot be used to find out who has one.
 */
export function ForgotPasswordPage() {
  const intl = useIntl();
  const reset = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (reset.isSuccess) {
    return (
      <PublicCard title={intl.formatMessage({ id: 'auth.forgot.sentTitle' })}>
        <p className="public-page__success" role="status">
          <FormattedMessage id="auth.forgot.sent" values={{ email: reset.variables.email }} />
        </p>
        <div className="public-page__actions">
          <Link to="/login">
            <FormattedMessage id="common.backToSignIn" />
          </Link>
        </div>
      </PublicCard>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = passwordResetRequestSchema.safeParse({ email: email.trim() });
    if (!input.success) {
      setError(intl.formatMessage({ id: 'auth.forgot.invalidEmail' }));
      return;
    }
    setError(null);
    reset.mutate(input.data);
  };
  const problem = error ?? (reset.isError ? resetProblem(intl, reset.error) : null);

  return (
    <PublicCard title={intl.formatMessage({ id: 'auth.forgot.title' })}>
      <p className="public-page__lead">
        <FormattedMessage id="auth.forgot.lead" />
      </p>
      <form className="login__form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="forgot-email">
            <FormattedMessage id="common.email" />
          </label>
          <input
            id="forgot-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'forgot-error' : undefined}
          />
        </div>
        {problem && (
          <p id="forgot-error" className="login__error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={reset.isPending}>
          {intl.formatMessage({ id: reset.isPending ? 'auth.forgot.submitting' : 'auth.forgot.submit' })}
        </button>
      </form>
      <div className="public-page__actions">
        <Link to="/login">
            <FormattedMessage id="common.backToSignIn" />
          </Link>
      </div>
    </PublicCard>
  );
}

function resetProblem(intl: IntlShape, error: Error): string {
  if (isApiError(error, 429)) return intl.formatMessage({ id: 'auth.forgot.rateLimited' });
  if (isApiError(error, 400)) return intl.formatMessage({ id: 'auth.forgot.invalidEmail' });
  return intl.formatMessage({ id: 'auth.forgot.failed' });
}
