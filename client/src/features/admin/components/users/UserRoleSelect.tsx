import { ChevronDown } from 'lucide-react';
import type { UserDto } from '@shared/schemas/directory';
import { ROLES, type Role } from '@shared/types';
import { useUpdateUserRole } from '../../api/updateUserRole';

const LABELS: Record<Role, string> = { admin: 'Admin', user: 'User' };

/** A row's role, changed on select (optimistically; a refusal rolls back with a toast). */
export function UserRoleSelect({ user }: { user: UserDto }) {
  const update = useUpdateUserRole();
  return (
    <div className="select-control select-control--compact">
      <select
        aria-label={`Role of ${user.name || user.email}`}
        value={user.role}
        data-role={user.role}
        className="role-select"
        onChange={(event) => update.mutate({ id: user.id, role: event.target.value as Role })}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {LABELS[role]}
          </option>
        ))}
      </select>
      <ChevronDown size={13} className="select-control__chevron" aria-hidden />
    </div>
  );
}
