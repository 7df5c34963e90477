/** Rows read per query while streaming or erasing one user's data: small enough to leave room for ingest between queries. */
export const GDPR_PAGE = 500;

/**
 * Reads rows page after page: `fetch(after)` returns up to GDPR_PAGE rows following the row `after` (undefined
 * for the first page); a short page is the last.
 *
 * @example
 * for await (const page of pages((after) => db.topic.findMany({ where: { id: { gt: after?.id ?? '' } }, orderBy: { id: 'asc' }, take: GDPR_PAGE }))) …
 */
export async function* pages<T>(fetch: (after: T | undefined) => Promise<T[]>): AsyncGenerator<T[]> {
  let after: T | undefined;
  for (;;) {
    const page = await fetch(after);
    if (page.length > 0) yield page;
    if (page.length < GDPR_PAGE) return;
    after = page[page.length - 1];
  }
}

/**
 * `"name":[…]` of a JSON object, one chunk per page of items, so a long array is never one string.
 *
 * @example
 * yield* jsonArrayMember('notifications', notificationPages);
 */
export async function* jsonArrayMember<T>(name: string, items: AsyncIterable<T[]>): AsyncGenerator<string> {
  yield `${JSON.stringify(name)}:[`;
  let first = true;
  for await (const page of items) {
    yield (first ? '' : ',') + page.map((item) => JSON.stringify(item)).join(',');
    first = false;
  }
  yield ']';
}
