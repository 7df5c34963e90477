import { useState, type FormEvent } from 'react';
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
  const reset = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (reset.isSuccess) {
    return (
      <PublicCard title="Check your email">
        <p className="public-page__success" role="status">
          If {reset.variables.email} has a FlashNotify account, we sent it a link to choose a new password. The link works once, for one
          hour.
        </p>
        <div className="public-page__actions">
          <Link to="/login">Back to sign-in</Link>
        </div>
      </PublicCard>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = passwordResetRequestSchema.safeParse({ email: email.trim() });
    if (!input.success) {
      setError('Enter a valid email address.');
      return;
    }
    setError(null);
    reset.mutate(input.data);
  };
  const problem = error ?? (reset.isError ? resetProblem(reset.error) : null);

  return (
    <PublicCard title="Forgot your password?">
      <p className="public-page__lead">Enter the email of your account and we will send you a link to choose a new password.</p>
      <form className="login__form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="forgot-email">Email</label>
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
          {reset.isPending ? 'Sending…' : 'Send the link'}
        </button>
      </form>
      <div className="public-page__actions">
        <Link to="/login">Back to sign-in</Link>
      </div>
    </PublicCard>
  );
}

function resetProblem(error: Error): string {
  if (isApiError(error, 429)) return 'Too many requests for this address or network. Try again in a few minutes.';
  if (isApiError(error, 400)) return 'Enter a valid email address.';
  return 'The link could not be requested. Please try again.';
}
