import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { z } from 'zod';
import { ROLES, type Role } from '@shared/types';
import { useSubmitGuard } from '../../../../hooks/useSubmitGuard';
import { useCreateInvitation } from '../../api/invitations/createInvitation';
import { useFormErrors } from '../../hooks/useFormErrors';
import { CreateButton } from '../common/CreateButton';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';

const FIELDS = ['email', 'name', 'role'] as const;
const ROLE_LABELS = { admin: 'auth.demo.role.admin', user: 'auth.demo.role.user' } as const satisfies Record<Role, string>;
const emailSchema = z.email();

/** "Invite people": email, optional name and a role; the server emails a link to create the account. */
export function InviteForm() {
  const intl = useIntl();
  const create = useCreateInvitation();
  const guard = useSubmitGuard();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('user');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormErrors(create, FIELDS);
  const { errors } = form;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!form.check({ email: emailSchema.safeParse(email.trim()).success ? undefined : intl.formatMessage({ id: 'admin.invite.emailMissing' }) })) return;
    if (!guard.begin()) return;
    setSentTo(null);
    create.mutate(
      { email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSettled: guard.end,
        onSuccess: (created) => {
          setEmail('');
          setName('');
          setRole('user');
          setSentTo(created.email);
        },
      },
    );
  };
  const edited = () => {
    form.resetServer();
    setSentTo(null);
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title" className="card__title">
        <FormattedMessage id="admin.invite.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="admin.invite.text" />
      </p>
      <div className="create-inline">
        <FormField id="invite-email" label={intl.formatMessage({ id: 'common.email' })} error={errors.email} className="create-inline__name">
          {(control) => (
            <input {...control} type="email" maxLength={320} placeholder={intl.formatMessage({ id: 'admin.invite.emailPlaceholder' })} value={email} onChange={(e) => (setEmail(e.target.value), edited())} />
          )}
        </FormField>
        <FormField id="invite-name" label={intl.formatMessage({ id: 'admin.invite.name' })} error={errors.name}>
          {(control) => <input {...control} type="text" maxLength={200} value={name} onChange={(e) => (setName(e.target.value), edited())} />}
        </FormField>
        <FormField id="invite-role" label={intl.formatMessage({ id: 'admin.users.col.role' })} error={errors.role}>
          {(control) => (
            <select {...control} value={role} onChange={(e) => (setRole(e.target.value as Role), edited())}>
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {intl.formatMessage({ id: ROLE_LABELS[value] })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <CreateButton label={intl.formatMessage({ id: 'admin.invite.submit' })} pending={create.isPending} large />
      </div>
      {sentTo && (
        <p className="muted" role="status">
          <FormattedMessage id="admin.invite.sent" values={{ email: sentTo }} />
        </p>
      )}
      <FormError error={create.error} placed={form.placed} />
    </form>
  );
}
