import type { Db } from '../../db/client.js';

/** The distinct categories present in a user's inbox, for the filter menu. */
export async function listCategories(db: Db, userId: string): Promise<string[]> {
  const rows = await db.notification.findMany({
    where: { userId },
    distinct: ['category'],
    select: { category: true },
    orderBy: { category: 'asc' },
  });
  return rows.map((row) => row.category);
}
