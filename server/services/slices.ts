import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Items of CPU work (rendering, presenting, emitting) done per slice of a fan-out before the event loop
 * gets a turn: about a millisecond of work, so health checks and other users' requests keep answering.
 */
export const FAN_OUT_SLICE = 500;

/**
 * Runs `work` over `items` in slices of `size`, yielding to the event loop (`setImmediate`) between
 * slices. Awaiting a promise alone is not enough: the database adapters can resolve in the same turn, so a
 * chain of awaits never lets the poll phase run. Never call it inside a SQLite transaction: another
 * request's query would run on the same connection, inside that transaction.
 *
 * @example
 * await inSlices(rows, FAN_OUT_SLICE, (slice) => slice.forEach(emit));
 */
export async function inSlices<T>(
  items: readonly T[],
  size: number,
  work: (slice: T[], offset: number) => void | Promise<void>,
): Promise<void> {
  for (let offset = 0; offset < items.length; offset += size) {
    if (offset > 0) await nextTurn();
    await work(items.slice(offset, offset + size), offset);
  }
}

/**
 * `items.map(map)`, sliced like {@link inSlices}.
 *
 * @example
 * const rendered = await mapInSlices(recipients, FAN_OUT_SLICE, (r) => render(r));
 */
export async function mapInSlices<T, U>(items: readonly T[], size: number, map: (item: T) => U): Promise<U[]> {
  const out: U[] = [];
  await inSlices(items, size, (slice) => {
    for (const item of slice) out.push(map(item));
  });
  return out;
}

export { nextTurn };
