/** True for Prisma's unique-constraint error (P2002), whichever driver adapter (SQLite, pg) raised it. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'P2002';
}

/**
 * Runs `operation` and, if it lost a race on a unique constraint, once more: the retry reads the
 * winner's committed row and takes the "already exists" path instead of surfacing a 500.
 *
 * @example
 * return retryOnUniqueViolation(() => db.$transaction((tx) => upsert(tx)));
 */
export async function retryOnUniqueViolation<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return operation();
  }
}

/**
 * Runs an insert and reports whether it inserted: false, instead of an error, when a unique constraint
 * says the row exists already (another node or request inserted it first). What makes start-up writes
 * safe on several nodes at once, on SQLite and PostgreSQL alike (Prisma's `skipDuplicates` is not
 * available on SQLite). Check for the row first where the insert usually finds one: a failed INSERT is
 * logged by PostgreSQL.
 *
 * @example
 * const inserted = await insertUnlessExists(() => db.category.create({ data: GENERAL }));
 */
export async function insertUnlessExists(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return false;
  }
}
