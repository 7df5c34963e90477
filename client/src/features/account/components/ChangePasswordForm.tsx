import { useRef, useState, type FormEvent } from 'react';
import { PASSWORD_MIN_CHARS, passwordSchema } from '@shared/schemas/auth';
import { isApiError } from '../../../lib/api';
import { useChangePassword } from '../api/changePassword';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/** Change password: the current one, the new one twice. Other sessions are signed out on success. */
export function ChangePasswordForm() {
  const change = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const refs = { currentPassword: useRef<HTMLInputElement>(null), newPassword: useRef<HTMLInputElement>(null), confirm: useRef<HTMLInputElement>(null) };

  const showErrors = (next: Partial<Record<Field, string>>) => {
    setErrors(next);
    const first = (['currentPassword', 'newPassword', 'confirm'] as const).find((field) => next[field]);
    if (first) refs[first].current?.focus();
    return Boolean(first);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const rule = passwordSchema.safeParse(values.newPassword);
    const found = showErrors({
      currentPassword: values.currentPassword ? undefined : 'Enter your current password',
      newPassword: rule.success ? undefined : rule.error.issues[0]?.message,
      confirm: rule.success && values.confirm !== values.newPassword ? 'The two passwords differ' : undefined,
    });
    if (found) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => setValues({ currentPassword: '', newPassword: '', confirm: '' }),
        onError: (error) => {
          if (!isApiError(error, 400)) return;
          const byField = Object.fromEntries(error.details.map((d) => [d.path, d.message]));
          showErrors({ currentPassword: byField.currentPassword, newPassword: byField.newPassword });
        },
      },
    );
  };

  const field = (name: Field, label: string, autoComplete: string, hint?: string) => {
    const errorId = `account-${name}-error`;
    const hintId = hint ? `account-${name}-hint` : undefined;
    return (
      <div className="field">
        <label htmlFor={`account-${name}`}>{label}</label>
        <input
          ref={refs[name]}
          id={`account-${name}`}
          type="password"
          autoComplete={autoComplete}
          required
          value={values[name]}
          onChange={(event) => setValues((v) => ({ ...v, [name]: event.target.value }))}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={[hintId, errors[name] ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        />
        {hint && (
          <p id={hintId} className="account__muted">
            {hint}
          </p>
        )}
        {errors[name] && (
          <p id={errorId} className="account__error" role="alert">
            {errors[name]}
          </p>
        )}
      </div>
    );
  };

  const serverError = change.isError && !isApiError(change.error, 400) ? changeProblem(change.error) : null;
  return (
    <section className="account__card" aria-labelledby="change-password-title">
      <h2 id="change-password-title" className="account__card-title">
        Change password
      </h2>
      <form className="account__form" onSubmit={onSubmit} noValidate>
        {field('currentPassword', 'Current password', 'current-password')}
        {field('newPassword', 'New password', 'new-password', `At least ${PASSWORD_MIN_CHARS} characters.`)}
        {field('confirm', 'Repeat the new password', 'new-password')}
        {serverError && (
          <p className="account__error" role="alert">
            {serverError}
          </p>
        )}
        {change.isSuccess && (
          <p className="account__success" role="status">
            Your password was changed.{' '}
            {change.data.endedSessions > 0
              ? `${change.data.endedSessions} other session${change.data.endedSessions === 1 ? ' was' : 's were'} signed out.`
              : 'No other session was signed in.'}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}

function changeProblem(error: Error): string {
  if (isApiError(error, 429)) return 'Too many failed attempts. Try again in a few minutes.';
  if (isApiError(error, 409)) return 'Your password was changed meanwhile. Sign in again.';
  return 'The password could not be changed. Please try again.';
}
