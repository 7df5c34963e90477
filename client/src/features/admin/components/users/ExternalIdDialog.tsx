import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { UserDto } from '@shared/schemas/directory';
import { useSetUserExternalId } from '../../api/setUserExternalId';
import { useFormErrors } from '../../hooks/useFormErrors';
import { Dialog } from '../../../../components/Dialog';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';

const FIELDS = ['externalId'] as const;
const FORM_ID = 'external-id-form';

interface ExternalIdDialogProps {
  /** The user to link; the dialog is open while set. */
  user: UserDto | null;
  onClose: () => void;
}

/**
 * "Link to host app": sets (or clears) the id a host app knows a user by, so that the host's user tokens
 * (`sub`) and its `/api/v1/users/{externalId}` calls reach this existing account.
 */
export function ExternalIdDialog({ user, onClose }: ExternalIdDialogProps) {
  const intl = useIntl();
  const link = useSetUserExternalId();
  const form = useFormErrors(link, FIELDS, { conflictField: 'externalId' });
  const [value, setValue] = useState('');
  const open = user !== null;

  useEffect(() => {
    if (open) setValue(user.externalId ?? '');
    else {
      link.reset();
      form.clear();
    }
    // Only on opening and closing: the form's helpers change identity on every render.
  }, [open]);

  const save = (externalId: string | null) => {
    if (!user) return;
    link.mutate({ id: user.id, externalId }, { onSuccess: onClose });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const externalId = value.trim();
    if (!form.check({ externalId: externalId ? undefined : intl.formatMessage({ id: 'admin.users.link.missing' }) })) return;
    save(externalId);
  };

  return (
    <Dialog
      open={open}
      title={intl.formatMessage({ id: 'admin.users.link.title' }, { name: user?.name ?? '' })}
      onClose={onClose}
      busy={link.isPending}
      testId="external-id-dialog"
      footer={
        <>
          {user?.externalId && (
            <button type="button" className="btn btn--secondary" onClick={() => save(null)} disabled={link.isPending}>
              <FormattedMessage id="admin.users.link.unlink" />
            </button>
          )}
          <button type="button" className="btn btn--secondary" onClick={onClose} disabled={link.isPending}>
            <FormattedMessage id="common.cancel" />
          </button>
          <button type="submit" form={FORM_ID} className="btn btn--primary" disabled={link.isPending}>
            <FormattedMessage id={link.isPending ? 'preferences.save.saving' : 'common.save'} />
          </button>
        </>
      }
    >
      <form id={FORM_ID} onSubmit={submit} noValidate>
        <FormField
          id="external-id"
          label={intl.formatMessage({ id: 'admin.users.col.externalId' })}
          error={form.errors.externalId}
          hint={
            <FormattedMessage
              id="admin.users.link.hint"
              values={{ sub: <code>sub</code>, param: <code>{'{externalId}'}</code>, path: <code>/api/v1/users/{'{externalId}'}</code> }}
            />
          }
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={value}
              onChange={(event) => {
                setValue(event.target.value);
                form.clear('externalId');
              }}
            />
          )}
        </FormField>
      </form>
      <FormError error={link.error} placed={form.placed} />
    </Dialog>
  );
}
