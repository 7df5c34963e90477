/** Every item of an infinite query's loaded pages, in order; none before the first page arrives. */
export function pageItems<T>(data: { pages: { items: T[] }[] } | undefined): T[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}
