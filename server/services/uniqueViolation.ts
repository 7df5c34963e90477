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
