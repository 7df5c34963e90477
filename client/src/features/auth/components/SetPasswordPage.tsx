import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { PASSWORD_MIN_CHARS, passwordSchema } from '@shared/schemas/auth';
import { isApiError } from '../../../lib/api';
import { sessionOptions } from '../api/getSession';
import { useAcceptInvitation, useInvitation } from '../api/invitation';
import { useSetPassword, useSetPasswordToken } from '../api/setPassword';
import { PublicCard } from './PublicCard';

const RULES_ID = 'set-password-rules';

/** The two kinds of one-time link that lead to this page, and what differs between them. */
const KINDS = {
  'set-password': {
    useCheck: useSetPasswordToken,
    useSubmit: useSetPassword,
    title: 'Set your password',
    doneTitle: 'Your password is set',
    done: (email: string) => `You can now sign in as ${email}. Any other sessions of this account were signed out.`,
    submit: 'Set password',
    submitting: 'Setting password…',
    newLink: 'Ask for a new link with “Forgot password?” on the sign-in page, or ask your administrator.',
  },
  invitation: {
    useCheck: useInvitation,
    useSubmit: useAcceptInvitation,
    title: 'Accept your invitation',
    doneTitle: 'Your account is ready',
    done: (email: string) => `You can now sign in as ${email}.`,
    submit: 'Create account',
    submitting: 'Creating account…',
    newLink: 'Ask your administrator to send the invitation again.',
  },
} as const;

/** Which link the page serves: `/set-password#token=…` or `/invitation#token=…`. */
export type PasswordLinkKind = keyof typeof KINDS;

/**
 * `/set-password#token=…` (the one-time link of `npm run user:create` and of "Forgot password?") and
 * `/invitation#token=…` (an admin's invitation). The token stays in the fragment (never sent to any server
 * but through this page's own POSTs). Shows whose account it is, takes the new password twice, and on
 * success sends the person to sign in with it.
 */
export function SetPasswordPage({ kind = 'set-password' }: { kind?: PasswordLinkKind }) {
  const text = KINDS[kind];
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.slice(1)).get('token');
  // `kind` is fixed per route (App.tsx keys the element by it), so the hooks called never change.
  const check = text.useCheck(token);
  const submit = text.useSubmit();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  if (!token) return <LinkProblem hint={text.newLink} reason="The link is incomplete: copy the whole link from the message you received." />;
  if (check.isPending) {
    return (
      <PublicCard title={text.title}>
        <p className="public-page__lead" role="status">
          Checking your link…
        </p>
      </PublicCard>
    );
  }
  if (check.isError) return <LinkProblem hint={text.newLink} reason={linkProblem(check.error)} />;
  if (submit.isSuccess) {
    return (
      <PublicCard title={text.doneTitle}>
        <p className="public-page__success" role="status">
          {text.done(submit.data.email)}
        </p>
        <div className="public-page__actions">
          <Link to="/login" className="btn btn--primary btn--block">
            Sign in
          </Link>
        </div>
      </PublicCard>
    );
  }
  if (submit.isError && isLinkError(submit.error)) return <LinkProblem hint={text.newLink} reason={linkProblem(submit.error)} />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const rule = passwordSchema.safeParse(password);
    const next = {
      password: rule.success ? undefined : rule.error.issues[0]?.message,
      confirm: rule.success && confirm !== password ? 'The two passwords differ' : undefined,
    };
    setErrors(next);
    if (next.password) return passwordRef.current?.focus();
    if (next.confirm) return confirmRef.current?.focus();
    submit.mutate(
      { token, password },
      {
        // The server ended every session of this account: a signed-in tab here must not pretend otherwise.
        onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionOptions().queryKey }),
        onError: (error) => {
          const message = isApiError(error, 400) ? error.details.find((d) => d.path === 'password')?.message : undefined;
          if (message) {
            setErrors({ password: message });
            passwordRef.current?.focus();
          }
        },
      },
    );
  };

  const serverError = submit.isError && !errors.password ? submitProblem(submit.error) : null;
  return (
    <PublicCard title={text.title}>
      <p className="public-page__lead">
        For {check.data.name}. This link works once, until {new Date(check.data.expiresAt).toLocaleString()}.
      </p>
      <form className="login__form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="set-password-email">Email</label>
          {/* Read-only, but present: password managers save the new password for this username. */}
          <input id="set-password-email" type="email" autoComplete="username" value={check.data.email} readOnly />
        </div>
        <div className="field">
          <label htmlFor="set-password-new">New password</label>
          <input
            ref={passwordRef}
            id="set-password-new"
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN_CHARS}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? `${RULES_ID} set-password-new-error` : RULES_ID}
          />
          <p id={RULES_ID} className="public-page__hint">
            At least {PASSWORD_MIN_CHARS} characters. A few unrelated words make a strong password that is easy to type.
          </p>
          {errors.password && (
            <p id="set-password-new-error" className="login__error" role="alert">
              {errors.password}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="set-password-confirm">Repeat the new password</label>
          <input
            ref={confirmRef}
            id="set-password-confirm"
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby={errors.confirm ? 'set-password-confirm-error' : undefined}
          />
          {errors.confirm && (
            <p id="set-password-confirm-error" className="login__error" role="alert">
              {errors.confirm}
            </p>
          )}
        </div>
        {serverError && (
          <p className="login__error" role="alert">
            {serverError}
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={submit.isPending}>
          {submit.isPending ? text.submitting : text.submit}
        </button>
      </form>
    </PublicCard>
  );
}

/** A dead link: the form cannot help, a new link can. */
function LinkProblem({ reason, hint }: { reason: string; hint: string }) {
  return (
    <PublicCard title="This link cannot be used">
      <p className="public-page__lead" role="alert">
        {reason}
      </p>
      <p className="public-page__hint">{hint}</p>
      <div className="public-page__actions">
        <Link to="/login">Go to sign-in</Link>
      </div>
    </PublicCard>
  );
}

function isLinkError(error: Error): boolean {
  return isApiError(error, 410) || isApiError(error, 409) || (isApiError(error, 400) && error.code === 'invalid_token');
}

/** What a 410 means, by the server's code (set-password and invitation links). */
const GONE: Record<string, string> = {
  token_used: 'This link was already used: the password has been set since.',
  invitation_revoked: 'This invitation was withdrawn by an administrator.',
  token_replaced: 'A newer invitation was sent: use the link in the latest email.',
};

function linkProblem(error: Error): string {
  if (isApiError(error, 410)) return GONE[error.code] ?? 'This link has expired.';
  if (isApiError(error, 409)) return 'This email already has an account: sign in, or use “Forgot password?”.';
  if (isApiError(error, 400)) return 'This link is not valid. Check that you copied all of it.';
  if (isApiError(error, 429)) return 'Too many attempts from this network. Try again in a few minutes.';
  return 'FlashNotify could not check this link. Try again in a moment.';
}

function submitProblem(error: Error): string {
  if (isApiError(error, 429)) return 'Too many attempts from this network. Try again in a few minutes.';
  return 'The password could not be set. Please try again.';
}
