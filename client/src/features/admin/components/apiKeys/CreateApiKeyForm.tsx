import { useState, type FormEvent } from 'react';
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

const SCOPE_HINTS: Record<ApiKeyScope, string> = {
  'notifications:write': 'Send notifications and manage topics',
  'users:write': 'Create and update recipients',
};

/** "Create API key": a name and scopes; the parent shows the secret. */
export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
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
      name: name.trim() ? undefined : 'Give the key a name, e.g. the service that uses it.',
      scopes: scopes.length > 0 ? undefined : 'Pick at least one scope.',
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
        Create API key
      </h2>
      <div className="create-inline">
        <FormField id="api-key-name" label="Name" error={errors.name} className="create-inline__name">
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={100}
              placeholder="Billing service"
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                form.resetServer();
              }}
            />
          )}
        </FormField>
        <fieldset className="fieldset" aria-describedby={errors.scopes ? 'api-key-scopes-error' : undefined}>
          <legend>Scopes</legend>
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
                  <span className="checkbox__hint">{SCOPE_HINTS[scope]}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id="api-key-scopes" message={errors.scopes} />
        </fieldset>
        <CreateButton label="Create API key" pending={create.isPending} large />
      </div>
      <FormError error={create.error} placed={form.placed} />
    </form>
  );
}
