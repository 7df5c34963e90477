import { useState } from 'react';
import { Download, Link2, Search, Trash2, Users } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { UserDto } from '@shared/schemas/directory';
import { ROLES, type Role } from '@shared/types';
import { useCurrentUser } from '../../../auth';
import { useUsers } from '../../api/getUsers';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { ACTIONS_COLUMN, DataTable } from '../common/DataTable';
import { FilterSelect } from '../common/FilterSelect';
import { PageHeader } from '../common/PageHeader';
import { PagedQueryView } from '../common/PagedQueryView';
import { EmptyState } from '../common/QueryStates';
import { FullTime } from '../common/TimeCell';
import { InvitationsTable } from '../invitations/InvitationsTable';
import { InviteForm } from '../invitations/InviteForm';
import { EraseUserDialog } from './EraseUserDialog';
import { ExternalIdDialog } from './ExternalIdDialog';
import { UserRoleSelect } from './UserRoleSelect';

const ROLE_LABELS = { admin: 'admin.users.role.admins', user: 'admin.users.role.users' } as const satisfies Record<Role, string>;

/**
 * `/admin/users`: invite people (and resend or revoke invitations); everyone who can receive notifications:
 * search, filter by role, change roles, link them to a host app's external id, export everything about one
 * (a JSON download) or erase one (GDPR, after typing their email).
 */
export function UsersPage() {
  const intl = useIntl();
  const me = useCurrentUser();
  const [searchText, setSearchText] = useState('');
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [linking, setLinking] = useState<UserDto | null>(null);
  const [erasing, setErasing] = useState<UserDto | null>(null);
  const search = useDebouncedValue(searchText.trim(), 300);
  const query = useUsers({ search, role });
  const total = query.data?.pages[0]?.total;

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader
        title={intl.formatMessage({ id: 'admin.users.title' })}
        subtitle={
          total === undefined
            ? intl.formatMessage({ id: 'admin.users.subtitle' })
            : intl.formatMessage({ id: 'admin.users.count' }, { count: total, filtered: search || role ? 'yes' : 'no' })
        }
      />
      <div className="stack">
        <InviteForm />
        <InvitationsTable />
      </div>
      <div className="toolbar">
        <div className="search-box">
          <label htmlFor="users-search" className="sr-only">
            <FormattedMessage id="admin.users.search" />
          </label>
          <Search size={15} className="search-box__icon" aria-hidden />
          <input
            id="users-search"
            type="search"
            placeholder={intl.formatMessage({ id: 'admin.users.searchPlaceholder' })}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </div>
        <FilterSelect
          id="users-role"
          label={intl.formatMessage({ id: 'admin.users.col.role' })}
          allLabel={intl.formatMessage({ id: 'admin.users.allRoles' })}
          value={role}
          options={ROLES}
          optionLabel={(value) => intl.formatMessage({ id: ROLE_LABELS[value] })}
          onChange={(next) => setRole((next || undefined) as Role | undefined)}
        />
      </div>
      <section className="card card--flush" aria-label={intl.formatMessage({ id: 'admin.users.title' })} aria-busy={query.isFetching && !query.isFetchingNextPage}>
        <PagedQueryView
          query={query}
          loadingLabel={intl.formatMessage({ id: 'admin.users.loading' })}
          errorTitle={intl.formatMessage({ id: 'admin.users.loadFailed' })}
          empty={
            <EmptyState Icon={Users} title={intl.formatMessage({ id: search || role ? 'admin.users.noMatch.title' : 'admin.users.empty.title' })}>
              {search || role ? intl.formatMessage({ id: 'admin.users.noMatch.text' }) : intl.formatMessage({ id: 'admin.users.empty.text' }, { path: 'PUT /api/v1/users/{externalId}' })}
            </EmptyState>
          }
        >
          {(items) => (
            <DataTable testId="users-table" columns={[
                intl.formatMessage({ id: 'admin.col.name' }),
                intl.formatMessage({ id: 'common.email' }),
                intl.formatMessage({ id: 'admin.users.col.externalId' }),
                intl.formatMessage({ id: 'admin.users.col.role' }),
                intl.formatMessage({ id: 'admin.col.created' }),
                ACTIONS_COLUMN,
              ]}>
              {items.map((user) => (
                <tr key={user.id} data-testid="user-row">
                  <td data-label={intl.formatMessage({ id: 'admin.col.name' })} className="data-table__primary">
                    {user.name}
                    {user.id === me.id && (
                      <span className="you-tag">
                        <FormattedMessage id="admin.users.you" />
                      </span>
                    )}
                  </td>
                  <td data-label={intl.formatMessage({ id: 'common.email' })}>{user.email}</td>
                  <td data-label={intl.formatMessage({ id: 'admin.users.col.externalId' })}>
                    <span className="external-id-cell">
                      {user.externalId ? <code>{user.externalId}</code> : <span className="muted">—</span>}
                      <button
                        type="button"
                        className="icon-btn"
                        aria-label={intl.formatMessage(
                          { id: user.externalId ? 'admin.users.changeIdOf' : 'admin.users.linkOf' },
                          { name: user.name || user.email },
                        )}
                        title={intl.formatMessage({ id: user.externalId ? 'admin.users.changeId' : 'admin.users.link' })}
                        onClick={() => setLinking(user)}
                      >
                        <Link2 size={14} aria-hidden />
                      </button>
                    </span>
                  </td>
                  <td data-label={intl.formatMessage({ id: 'admin.users.col.role' })}>
                    <UserRoleSelect user={user} />
                  </td>
                  <td data-label={intl.formatMessage({ id: 'admin.col.created' })}>
                    <FullTime iso={user.createdAt} />
                  </td>
                  <td data-label={intl.formatMessage({ id: 'admin.table.actions' })} className="data-table__actions">
                    {/* A plain link: the browser streams the download to disk, however large. */}
                    <a
                      className="icon-btn"
                      href={`/api/admin/users/${encodeURIComponent(user.id)}/export`}
                      download
                      aria-label={intl.formatMessage({ id: 'admin.users.exportOf' }, { name: user.name || user.email })}
                      title={intl.formatMessage({ id: 'admin.users.export' })}
                    >
                      <Download size={14} aria-hidden />
                    </a>
                    {user.id !== me.id && (
                      <button
                        type="button"
                        className="icon-btn btn--danger-text"
                        aria-label={intl.formatMessage({ id: 'admin.users.eraseOf' }, { name: user.name || user.email })}
                        title={intl.formatMessage({ id: 'admin.users.erase' })}
                        onClick={() => setErasing(user)}
                      >
                        <Trash2 size={14} aria-hidden />
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </PagedQueryView>
      </section>
      <ExternalIdDialog user={linking} onClose={() => setLinking(null)} />
      <EraseUserDialog user={erasing} onClose={() => setErasing(null)} />
    </div>
  );
}
