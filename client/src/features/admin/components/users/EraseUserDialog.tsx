import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { UserDto } from '@shared/schemas/directory';
import { useEraseUser } from '../../api/eraseUser';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { FormField } from '../common/FormField';

interface EraseUserDialogProps {
  /** The user to erase; the dialog is open while set. */
  user: UserDto | null;
  onClose: () => void;
}

/**
 * "Erase {name}?": erasing cannot be undone, so the admin types the user's email first (the server checks
 * it again); until it matches, the confirm button stays off.
 */
export function EraseUserDialog({ user, onClose }: EraseUserDialogProps) {
  const intl = useIntl();
  const erase = useEraseUser();
  const [typed, setTyped] = useState('');
  const open = user !== null;
  useEffect(() => {
    if (!open) setTyped('');
  }, [open]);
  const matches = user !== null && typed.trim().toLowerCase() === user.email.toLowerCase();

  return (
    <ConfirmDialog
      open={open}
      title={intl.formatMessage({ id: 'admin.users.erase.title' }, { name: user?.name || user?.email || '' })}
      confirmLabel={intl.formatMessage({ id: 'admin.users.erase.confirm' })}
      pending={erase.isPending}
      confirmDisabled={!matches}
      onClose={onClose}
      onConfirm={() => user && matches && erase.mutate({ id: user.id, name: user.name || user.email, confirmEmail: typed.trim() }, { onSuccess: onClose })}
    >
      <p>
        <FormattedMessage id="admin.users.erase.text" />
      </p>
      <FormField
        id="erase-confirm-email"
        label={<FormattedMessage id="admin.users.erase.typeEmail" values={{ email: <code>{user?.email}</code> }} />}
        error={undefined}
      >
        {(control) => (
          <input {...control} type="email" autoComplete="off" spellCheck={false} value={typed} onChange={(event) => setTyped(event.target.value)} />
        )}
      </FormField>
    </ConfirmDialog>
  );
}
