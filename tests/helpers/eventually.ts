/**
 * Reads `read()` every `pollMs` until `done` accepts its value, and returns that value; throws after
 * `timeoutMs` with `what` and the last value read (a worker's outcome, seen through the database or an API).
 *
 * @example
 * const [delivery] = await eventually(() => db.delivery.findMany({ where }), (rows) => rows[0]?.status === 'sent', 'the delivery to be sent');
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 10_000, pollMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
