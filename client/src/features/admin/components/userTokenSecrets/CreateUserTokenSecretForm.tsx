import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CreatedUserTokenSecret } from '@shared/schemas/userTokens';
import { useSubmitGuard } from '../../../../hooks/useSubmitGuard';
import { useCreateUserTokenSecret } from '../../api/userTokenSecrets/createUserTokenSecret';
import { useFormErrors } from '../../hooks/useFormErrors';
import { CreateButton } from '../common/CreateButton';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';

const FIELDS = ['name'] as const;

/** "Create signing secret": a name; the parent shows the secret. */
export function CreateUserTokenSecretForm({ onCreated }: { onCreated: (created: CreatedUserTokenSecret) => void }) {
  const intl = useIntl();
  const create = useCreateUserTokenSecret();
  // One request per click: a double click must not create two secrets.
  const guard = useSubmitGuard();
  const [name, setName] = useState('');
  const form = useFormErrors(create, FIELDS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!form.check({ name: name.trim() ? undefined : intl.formatMessage({ id: 'admin.userTokens.create.nameMissing' }) })) return;
    if (!guard.begin()) return;
    create.mutate(
      { name: name.trim() },
      {
        onSettled: guard.end,
        onSuccess: (created) => {
          setName('');
          onCreated(created);
        },
      },
    );
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="create-user-token-secret-title">
      <h2 id="create-user-token-secret-title" className="card__title">
        <FormattedMessage id="admin.userTokens.create.title" />
      </h2>
      <div className="create-inline">
        <FormField
          id="user-token-secret-name"
          label={intl.formatMessage({ id: 'admin.col.name' })}
          error={form.errors.name}
          hint={intl.formatMessage({ id: 'admin.userTokens.create.nameHint' })}
          className="create-inline__name"
        >
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={100}
              placeholder={intl.formatMessage({ id: 'admin.userTokens.create.namePlaceholder' })}
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                form.resetServer();
              }}
            />
          )}
        </FormField>
        <CreateButton label={intl.formatMessage({ id: 'admin.userTokens.create.submit' })} pending={create.isPending} large />
      </div>
      <FormError error={create.error} placed={form.placed} />
    </form>
  );
}
