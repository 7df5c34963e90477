import { useRef, useState, type FormEvent } from 'react';
import type { IntlShape } from 'react-intl';
import { FormattedMessage, useIntl } from 'react-intl';
import { PASSWORD_MIN_CHARS, passwordSchema } from '@shared/schemas/auth';
import { passwordProblem } from '../../auth';
import { isApiError } from '../../../lib/api';
import { useChangePassword } from '../api/changePassword';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/** Change password: the current one, the new one twice. Other sessions are signed out on success. */
export function ChangePasswordForm() {
  const intl = useIntl();
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
      currentPassword: values.currentPassword ? undefined : intl.formatMessage({ id: 'account.password.enterCurrent' }),
      newPassword: rule.success ? undefined : (passwordProblem(intl, values.newPassword) ?? rule.error.issues[0]?.message),
      confirm: rule.success && values.confirm !== values.newPassword ? intl.formatMessage({ id: 'auth.password.differ' }) : undefined,
    });
    if (found) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => setValues({ currentPassword: '', newPassword: '', confirm: '' }),
        onError: (error) => {
          if (!isApiError(error, 400)) return;
          const byField = Object.fromEntries(error.details.map((d) => [d.path, d.message]));
          showErrors({ currentPassword: byField.currentPassword, newPassword: byField.newPassword && (passwordProblem(intl, values.newPassword) ?? byField.newPassword) });
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

  const serverError = change.isError && !isApiError(change.error, 400) ? changeProblem(intl, change.error) : null;
  return (
    <section className="account__card" aria-labelledby="change-password-title">
      <h2 id="change-password-title" className="account__card-title">
        <FormattedMessage id="account.password.title" />
      </h2>
      <form className="account__form" onSubmit={onSubmit} noValidate>
        {field('currentPassword', intl.formatMessage({ id: 'account.password.current' }), 'current-password')}
        {field('newPassword', intl.formatMessage({ id: 'auth.password.new' }), 'new-password', intl.formatMessage({ id: 'account.password.hint' }, { min: PASSWORD_MIN_CHARS }))}
        {field('confirm', intl.formatMessage({ id: 'auth.password.repeat' }), 'new-password')}
        {serverError && (
          <p className="account__error" role="alert">
            {serverError}
          </p>
        )}
        {change.isSuccess && (
          <p className="account__success" role="status">
            <FormattedMessage id="account.password.changed" values={{ count: change.data.endedSessions }} />
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={change.isPending}>
          {intl.formatMessage({ id: change.isPending ? 'account.password.submitting' : 'account.password.title' })}
        </button>
      </form>
    </section>
  );
}

function changeProblem(intl: IntlShape, error: Error): string {
  if (isApiError(error, 429)) return intl.formatMessage({ id: 'account.password.rateLimited' });
  if (isApiError(error, 409)) return intl.formatMessage({ id: 'errors.passwordChanged' });
  return intl.formatMessage({ id: 'account.password.failed' });
}
