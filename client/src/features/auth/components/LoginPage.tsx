import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { loginSchema } from '@shared/schemas/auth';
import { Logo } from '../../../components/Logo';
import { useAuthConfig } from '../api/getAuthConfig';
import { useSession } from '../api/getSession';
import { useLogin } from '../api/login';
import { DemoAccounts } from './DemoAccounts';
import { loginErrorMessage } from './loginErrorMessage';
import './login.css';

/** The sign-in page at /login. */
export function LoginPage() {
  const intl = useIntl();
  const session = useSession();
  const login = useLogin();
  // The demo hint appears only when the server says demo accounts exist (never in production).
  const demoAccounts = useAuthConfig().data?.demoAccounts;
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session.data) return <Navigate to={from} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = loginSchema.safeParse({ email: email.trim(), password });
    if (!input.success) {
      setFormError(intl.formatMessage({ id: 'auth.login.invalidInput' }));
      return;
    }
    setFormError(null);
    login.mutate(input.data, { onSuccess: () => void navigate(from, { replace: true }) });
  };

  return (
    <main className="login">
      <div className="login__card">
        <Logo size="lg" />
        <h1 className="login__title">
          <FormattedMessage id="auth.login.title" />
        </h1>
        <p className="login__subtitle">
          <FormattedMessage id="auth.login.subtitle" />
        </p>
        <form className="login__form" onSubmit={submit} noValidate>
          <LoginField id="login-email" label={intl.formatMessage({ id: 'common.email' })} type="email" autoComplete="username" value={email} onChange={setEmail} />
          <LoginField
            id="login-password"
            label={intl.formatMessage({ id: 'common.password' })}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
          />
          {(formError !== null || login.isError) && (
            <p className="login__error" role="alert">
              {formError ?? loginErrorMessage(intl, login.error)}
            </p>
          )}
          <button type="submit" className="btn btn--primary btn--block" disabled={login.isPending}>
            {intl.formatMessage({ id: login.isPending ? 'auth.login.submitting' : 'auth.login.submit' })}
          </button>
        </form>
        <p className="login__forgot">
          <Link to="/forgot-password">
            <FormattedMessage id="auth.login.forgot" />
          </Link>
        </p>
        {demoAccounts && demoAccounts.length > 0 && (
          <DemoAccounts
            accounts={demoAccounts}
            onPick={(picked) => {
              setEmail(picked.email);
              setPassword(picked.password);
            }}
          />
        )}
      </div>
    </main>
  );
}

interface LoginFieldProps {
  id: string;
  label: string;
  type: 'email' | 'password';
  autoComplete: string;
  value: string;
  onChange: (value: string) => void;
}

/** A required, labelled input of the sign-in form. */
function LoginField({ id, label, type, autoComplete, value, onChange }: LoginFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} autoComplete={autoComplete} required value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}
