/**
 * A token bucket in a closure (it dies with its socket): `capacity` at once, then one more every `refillMs`.
 * Each call takes one; returns 0 when it could, else the ms to wait for the next.
 */
export function tokenBucket(capacity: number, refillMs: number): () => number {
  let tokens = capacity;
  let last = Date.now();
  return () => {
    const now = Date.now();
    tokens = Math.min(capacity, tokens + (now - last) / refillMs);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - tokens) * refillMs);
  };
}
