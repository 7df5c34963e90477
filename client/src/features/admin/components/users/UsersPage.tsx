import { useState } from 'react';
import { Link2, Search, Users } from 'lucide-react';
import type { UserDto } from '@shared/schemas/directory';
import { ROLES, type Role } from '@shared/types';
import { useCurrentUser } from '../../../auth';
import { useUsers } from '../../api/getUsers';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { formatCount } from '../../utils/format';
import { DataTable } from '../common/DataTable';
import { FilterSelect } from '../common/FilterSelect';
import { PageHeader } from '../common/PageHeader';
import { PagedQueryView } from '../common/PagedQueryView';
import { EmptyState } from '../common/QueryStates';
import { FullTime } from '../common/TimeCell';
import { InvitationsTable } from '../invitations/InvitationsTable';
import { InviteForm } from '../invitations/InviteForm';
import { ExternalIdDialog } from './ExternalIdDialog';
import { UserRoleSelect } from './UserRoleSelect';

const ROLE_LABELS: Record<Role, string> = { admin: 'Admins', user: 'Users' };

/**
 * `/admin/users`: invite people (and resend or revoke invitations); everyone who can receive notifications:
 * search, filter by role, change roles, link them to a host app's external id.
 */
export function UsersPage() {
  const me = useCurrentUser();
  const [searchText, setSearchText] = useState('');
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [linking, setLinking] = useState<UserDto | null>(null);
  const search = useDebouncedValue(searchText.trim(), 300);
  const query = useUsers({ search, role });
  const total = query.data?.pages[0]?.total;

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader
        title="Users"
        subtitle={total === undefined ? 'People who can receive notifications.' : `${formatCount(total)} ${total === 1 ? 'user' : 'users'}${search || role ? ' match' : ''}`}
      />
      <div className="stack">
        <InviteForm />
        <InvitationsTable />
      </div>
      <div className="toolbar">
        <div className="search-box">
          <label htmlFor="users-search" className="sr-only">
            Search users
          </label>
          <Search size={15} className="search-box__icon" aria-hidden />
          <input
            id="users-search"
            type="search"
            placeholder="Search users by name, email or external id"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </div>
        <FilterSelect
          id="users-role"
          label="Role"
          allLabel="All roles"
          value={role}
          options={ROLES}
          optionLabel={(value) => ROLE_LABELS[value]}
          onChange={(next) => setRole((next || undefined) as Role | undefined)}
        />
      </div>
      <section className="card card--flush" aria-label="Users" aria-busy={query.isFetching && !query.isFetchingNextPage}>
        <PagedQueryView
          query={query}
          loadingLabel="Loading users"
          errorTitle="Couldn’t load users"
          empty={
            <EmptyState Icon={Users} title={search || role ? 'No users match' : 'No users yet'}>
              {search || role ? 'Try a different search or role.' : 'Services add recipients with PUT /api/v1/users/{externalId}.'}
            </EmptyState>
          }
        >
          {(items) => (
            <DataTable testId="users-table" columns={['Name', 'Email', 'External id', 'Role', 'Created']}>
              {items.map((user) => (
                <tr key={user.id} data-testid="user-row">
                  <td data-label="Name" className="data-table__primary">
                    {user.name}
                    {user.id === me.id && <span className="you-tag">you</span>}
                  </td>
                  <td data-label="Email">{user.email}</td>
                  <td data-label="External id">
                    <span className="external-id-cell">
                      {user.externalId ? <code>{user.externalId}</code> : <span className="muted">—</span>}
                      <button
                        type="button"
                        className="icon-btn"
                        aria-label={`${user.externalId ? 'Change the external id of' : 'Link to your app:'} ${user.name || user.email}`}
                        title={user.externalId ? 'Change the external id' : 'Link to your app'}
                        onClick={() => setLinking(user)}
                      >
                        <Link2 size={14} aria-hidden />
                      </button>
                    </span>
                  </td>
                  <td data-label="Role">
                    <UserRoleSelect user={user} />
                  </td>
                  <td data-label="Created">
                    <FullTime iso={user.createdAt} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </PagedQueryView>
      </section>
      <ExternalIdDialog user={linking} onClose={() => setLinking(null)} />
    </div>
  );
}
