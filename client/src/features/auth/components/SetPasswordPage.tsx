import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { IntlShape } from 'react-intl';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation } from 'react-router';
import { PASSWORD_MIN_CHARS, passwordSchema } from '@shared/schemas/auth';
import type { MessageId } from '../../../i18n/messageIds';
import { isApiError } from '../../../lib/api';
import { sessionOptions } from '../api/getSession';
import { useAcceptInvitation, useInvitation } from '../api/invitation';
import { useSetPassword, useSetPasswordToken } from '../api/setPassword';
import { passwordProblem } from '../utils/passwordProblem';
import { PublicCard } from './PublicCard';

const RULES_ID = 'set-password-rules';

/** The link's expiry, as the browser's default date-and-time reads (`12/1/2026, 3:05:00 PM`). */
const FULL_DATE_TIME = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' } as const;

/** The two kinds of one-time link that lead to this page, and what differs between them. */
const KINDS = {
  'set-password': {
    useCheck: useSetPasswordToken,
    useSubmit: useSetPassword,
    title: 'auth.setPassword.title',
    doneTitle: 'auth.setPassword.doneTitle',
    done: 'auth.setPassword.done',
    submit: 'auth.setPassword.submit',
    submitting: 'auth.setPassword.submitting',
    newLink: 'auth.setPassword.newLink',
  },
  invitation: {
    useCheck: useInvitation,
    useSubmit: useAcceptInvitation,
    title: 'auth.invitation.title',
    doneTitle: 'auth.invitation.doneTitle',
    done: 'auth.invitation.done',
    submit: 'auth.invitation.submit',
    submitting: 'auth.invitation.submitting',
    newLink: 'auth.invitation.newLink',
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
  const intl = useIntl();
  const say = (id: MessageId) => intl.formatMessage({ id });
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

  if (!token) return <LinkProblem hint={say(text.newLink)} reason={intl.formatMessage({ id: 'auth.setPassword.incomplete' })} />;
  if (check.isPending) {
    return (
      <PublicCard title={say(text.title)}>
        <p className="public-page__lead" role="status">
          <FormattedMessage id="auth.setPassword.checking" />
        </p>
      </PublicCard>
    );
  }
  if (check.isError) return <LinkProblem hint={say(text.newLink)} reason={linkProblem(intl, check.error)} />;
  if (submit.isSuccess) {
    return (
      <PublicCard title={say(text.doneTitle)}>
        <p className="public-page__success" role="status">
          {intl.formatMessage({ id: text.done }, { email: submit.data.email })}
        </p>
        <div className="public-page__actions">
          <Link to="/login" className="btn btn--primary btn--block">
            <FormattedMessage id="auth.login.submit" />
          </Link>
        </div>
      </PublicCard>
    );
  }
  if (submit.isError && isLinkError(submit.error)) return <LinkProblem hint={say(text.newLink)} reason={linkProblem(intl, submit.error)} />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const rule = passwordSchema.safeParse(password);
    const next = {
      password: rule.success ? undefined : (passwordProblem(intl, password) ?? rule.error.issues[0]?.message),
      confirm: rule.success && confirm !== password ? intl.formatMessage({ id: 'auth.password.differ' }) : undefined,
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
          const detail = isApiError(error, 400) ? error.details.find((d) => d.path === 'password')?.message : undefined;
          const message = detail && (passwordProblem(intl, password) ?? detail);
          if (message) {
            setErrors({ password: message });
            passwordRef.current?.focus();
          }
        },
      },
    );
  };

  const serverError = submit.isError && !errors.password ? submitProblem(intl, submit.error) : null;
  return (
    <PublicCard title={say(text.title)}>
      <p className="public-page__lead">
        <FormattedMessage
          id="auth.setPassword.lead"
          values={{ name: check.data.name, expiresAt: intl.formatDate(check.data.expiresAt, FULL_DATE_TIME) }}
        />
      </p>
      <form className="login__form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="set-password-email">
            <FormattedMessage id="common.email" />
          </label>
          {/* Read-only, but present: password managers save the new password for this username. */}
          <input id="set-password-email" type="email" autoComplete="username" value={check.data.email} readOnly />
        </div>
        <div className="field">
          <label htmlFor="set-password-new">
            <FormattedMessage id="auth.password.new" />
          </label>
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
            <FormattedMessage id="auth.setPassword.rules" values={{ min: PASSWORD_MIN_CHARS }} />
          </p>
          {errors.password && (
            <p id="set-password-new-error" className="login__error" role="alert">
              {errors.password}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="set-password-confirm">
            <FormattedMessage id="auth.password.repeat" />
          </label>
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
          {say(submit.isPending ? text.submitting : text.submit)}
        </button>
      </form>
    </PublicCard>
  );
}

/** A dead link: the form cannot help, a new link can. */
function LinkProblem({ reason, hint }: { reason: string; hint: string }) {
  const intl = useIntl();
  return (
    <PublicCard title={intl.formatMessage({ id: 'auth.setPassword.unusable' })}>
      <p className="public-page__lead" role="alert">
        {reason}
      </p>
      <p className="public-page__hint">{hint}</p>
      <div className="public-page__actions">
        <Link to="/login">
          <FormattedMessage id="auth.setPassword.goToSignIn" />
        </Link>
      </div>
    </PublicCard>
  );
}

function isLinkError(error: Error): boolean {
  return isApiError(error, 410) || isApiError(error, 409) || (isApiError(error, 400) && error.code === 'invalid_token');
}

/** What a 410 means, by the server's code (set-password and invitation links). */
const GONE: Partial<Record<string, 'auth.link.used' | 'auth.link.revoked' | 'auth.link.replaced'>> = {
  token_used: 'auth.link.used',
  invitation_revoked: 'auth.link.revoked',
  token_replaced: 'auth.link.replaced',
};

function linkProblem(intl: IntlShape, error: Error): string {
  if (isApiError(error, 410)) return intl.formatMessage({ id: GONE[error.code] ?? 'auth.link.expired' });
  if (isApiError(error, 409)) return intl.formatMessage({ id: 'errors.accountExists' });
  if (isApiError(error, 400)) return intl.formatMessage({ id: 'auth.link.invalid' });
  if (isApiError(error, 429)) return intl.formatMessage({ id: 'auth.link.rateLimited' });
  return intl.formatMessage({ id: 'auth.link.checkFailed' });
}

function submitProblem(intl: IntlShape, error: Error): string {
  if (isApiError(error, 429)) return intl.formatMessage({ id: 'auth.link.rateLimited' });
  return intl.formatMessage({ id: 'auth.setPassword.failed' });
}
