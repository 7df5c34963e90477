import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CreatedApiKey } from '@shared/schemas/directory';
import { API_KEY_SCOPES, type ApiKeyScope } from '@shared/types';
import { useCreateApiKey } from '../../api/createApiKey';
import { useSubmitGuard } from '../../../../hooks/useSubmitGuard';
import { useFormErrors } from '../../hooks/useFormErrors';
import { CreateButton } from '../common/CreateButton';
import { FieldError } from '../common/FieldError';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';

const FIELDS = ['name', 'scopes'] as const;

const SCOPE_HINTS = {
  'notifications:write': 'admin.apiKeys.scope.notifications',
  'users:write': 'admin.apiKeys.scope.users',
  'audit:read': 'admin.apiKeys.scope.audit',
} as const satisfies Record<ApiKeyScope, string>;

/** "Create API key": a name and scopes; the parent shows the secret. */
export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const intl = useIntl();
  const create = useCreateApiKey();
  // One request per click: a double click must not create two (or fail the second as a duplicate).
  const guard = useSubmitGuard();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['notifications:write']);
  const form = useFormErrors(create, FIELDS);
  const { errors } = form;

  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((previous) => (on ? [...previous, scope] : previous.filter((item) => item !== scope)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = {
      name: name.trim() ? undefined : intl.formatMessage({ id: 'admin.apiKeys.create.nameMissing' }),
      scopes: scopes.length > 0 ? undefined : intl.formatMessage({ id: 'admin.apiKeys.create.scopesMissing' }),
    };
    if (!form.check(next)) return;
    if (!guard.begin()) return;
    create.mutate(
      { name: name.trim(), scopes },
      {
        onSettled: guard.end,
        onSuccess: (created) => {
          setName('');
          setScopes(['notifications:write']);
          onCreated(created);
        },
      },
    );
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="create-key-title">
      <h2 id="create-key-title" className="card__title">
        <FormattedMessage id="admin.apiKeys.create.title" />
      </h2>
      <div className="create-inline">
        <FormField id="api-key-name" label={intl.formatMessage({ id: 'admin.col.name' })} error={errors.name} className="create-inline__name">
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={100}
              placeholder={intl.formatMessage({ id: 'admin.apiKeys.create.namePlaceholder' })}
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                form.resetServer();
              }}
            />
          )}
        </FormField>
        <fieldset className="fieldset" aria-describedby={errors.scopes ? 'api-key-scopes-error' : undefined}>
          <legend>
            <FormattedMessage id="admin.apiKeys.col.scopes" />
          </legend>
          <div className="checkbox-row">
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope} className="checkbox checkbox--described">
                <input
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  onChange={(event) => toggle(scope, event.target.checked)}
                />
                <span>
                  <code>{scope}</code>
                  <span className="checkbox__hint">
                    <FormattedMessage id={SCOPE_HINTS[scope]} />
                  </span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id="api-key-scopes" message={errors.scopes} />
        </fieldset>
        <CreateButton label={intl.formatMessage({ id: 'admin.apiKeys.create.title' })} pending={create.isPending} large />
      </div>
      <FormError error={create.error} placed={form.placed} />
    </form>
  );
}
