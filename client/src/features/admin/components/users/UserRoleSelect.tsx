import { useIntl } from 'react-intl';
import type { UserDto } from '@shared/schemas/directory';
import { ROLES, type Role } from '@shared/types';
import { useUpdateUserRole } from '../../api/updateUserRole';
import { SelectControl } from '../common/SelectControl';

const LABELS = { admin: 'auth.demo.role.admin', user: 'auth.demo.role.user' } as const satisfies Record<Role, string>;

/** A row's role, changed on select (optimistically; a refusal rolls back with a toast). */
export function UserRoleSelect({ user }: { user: UserDto }) {
  const intl = useIntl();
  const update = useUpdateUserRole();
  return (
    <SelectControl
      compact
      chevronSize={13}
      aria-label={intl.formatMessage({ id: 'admin.users.roleOf' }, { name: user.name || user.email })}
      value={user.role}
      data-role={user.role}
      className="role-select"
      onChange={(event) => update.mutate({ id: user.id, role: event.target.value as Role })}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {intl.formatMessage({ id: LABELS[role] })}
        </option>
      ))}
    </SelectControl>
  );
}
