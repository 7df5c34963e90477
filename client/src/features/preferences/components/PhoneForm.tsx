import { useState, type FormEvent } from 'react';
import { CircleAlert } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { updateContactSchema } from '@shared/schemas/preferences';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { isApiError } from '../../../lib/api';
import { useUpdateContact } from '../api/updateContact';

/** "Phone number" with its own Save: a number is typed in full before it is worth checking. */
export function PhoneForm({ phone, hasConsent }: { phone: string | null; hasConsent: boolean }) {
  const intl = useIntl();
  const update = useUpdateContact();
  const [draft, setDraft] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const value = draft ?? phone ?? '';
  const serverError =
    update.variables?.phone !== undefined && isApiError(update.error, 400)
      ? update.error.details.some((detail) => detail.path === 'phone')
        ? intl.formatMessage({ id: 'preferences.phone.invalid' })
        : apiErrorMessage(intl, update.error, 'errors.unreachable')
      : null;
  const error = localError ?? serverError;
  const dirty = draft !== null && draft.trim() !== (phone ?? '');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = value.replace(/[\s().-]/g, '') || null;
    const parsed = updateContactSchema.safeParse({ phone: next });
    if (!parsed.success) {
      setLocalError(intl.formatMessage({ id: 'preferences.phone.invalid' }));
      return;
    }
    setLocalError(null);
    update.mutate({ phone: next }, { onSuccess: () => setDraft(null) });
  };

  return (
    <form className="pref-field" onSubmit={submit} noValidate>
      <label htmlFor="pref-phone">
        <FormattedMessage id="preferences.phone.label" />
      </label>
      <div className="pref-phone">
        <input
          id="pref-phone"
          type="tel"
          className="pref-input"
          autoComplete="tel"
          inputMode="tel"
          placeholder="+14155550123"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'pref-phone-error pref-phone-hint' : 'pref-phone-hint'}
          onChange={(event) => {
            setDraft(event.target.value);
            setLocalError(null);
          }}
        />
        <button type="submit" className="btn btn--secondary" disabled={!dirty || update.isPending}>
          <FormattedMessage id={update.isPending && update.variables?.phone !== undefined ? 'preferences.save.saving' : 'common.save'} />
        </button>
      </div>
      {error && (
        <p id="pref-phone-error" className="pref-error">
          <CircleAlert size={13} aria-hidden />
          {error}
        </p>
      )}
      <p id="pref-phone-hint" className="pref-hint">
        <FormattedMessage id="preferences.phone.hint" />
        {hasConsent && (
          <>
            {' '}
            <FormattedMessage id="preferences.phone.newNeedsConsent" />
          </>
        )}
      </p>
    </form>
  );
}
