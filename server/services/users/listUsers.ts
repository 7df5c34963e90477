import { decodeTimeIdCursor, encodeTimeIdCursor } from '../../../shared/schemas/cursors.js';
import type { ListUsersQuery, UserPage } from '../../../shared/schemas/directory.js';
import type { Db, Dialect } from '../../db/client.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { presentUser } from '../../presenters/directory.js';

/**
 * Case-insensitive "contains". PostgreSQL needs `mode: 'insensitive'` (ILIKE); Prisma rejects that
 * option on SQLite, where `contains` is already a LIKE, which ignores case for ASCII letters (not for
 * "É"/"é"). Prisma does not escape `%` and `_`, so they act as wildcards: a wider, never narrower, match.
 */
function containsInsensitive(term: string, dialect: Dialect): Prisma.StringFilter {
  return (dialect === 'postgres' ? { contains: term, mode: 'insensitive' } : { contains: term }) as Prisma.StringFilter;
}

function filters(query: ListUsersQuery, dialect: Dialect): Prisma.UserWhereInput {
  const where: Prisma.UserWhereInput = {};
  if (query.role) where.role = query.role;
  if (query.search) {
    const match = containsInsensitive(query.search, dialect);
    where.OR = [{ email: match }, { name: match }, { externalId: match }];
  }
  return where;
}

/**
 * One page of users for the admin list and the composer's recipient picker, newest first, with the
 * number of users matching the same filters. Keyset-paginated, so new sign-ups never shift a page.
 */
export async function listUsers(db: Db, dialect: Dialect, query: ListUsersQuery): Promise<UserPage> {
  const where = filters(query, dialect);
  // listUsersQuerySchema only admits cursors that decode to an instant in range.
  const after = query.cursor ? decodeTimeIdCursor(query.cursor) : undefined;
  const page: Prisma.UserWhereInput = after
    ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] }
    : where;
  const [rows, total] = await Promise.all([
    db.user.findMany({ where: page, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: query.limit + 1 }),
    db.user.count({ where }),
  ]);
  const hasMore = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  return { items: items.map(presentUser), nextCursor: hasMore ? encodeTimeIdCursor(items[items.length - 1]!) : null, total };
}
