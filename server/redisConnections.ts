import { setTimeout as delay } from 'node:timers/promises';

/** How long a closing Redis client may wait for its pending commands. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Delay before the `retries`-th reconnection attempt of a Redis client, in ms: exponential from 100 ms,
 * capped at 5 s, plus up to 250 ms of jitter so many nodes do not reconnect in lockstep. Every Redis
 * connection of the server (Socket.IO adapter, invalidation bus) reconnects on this schedule, forever.
 *
 * @example
 * createClient({ url, socket: { reconnectStrategy: (retries) => redisReconnectDelay(retries) } });
 */
export const redisReconnectDelay = (retries: number): number => Math.min(2 ** retries * 100, 5_000) + Math.floor(Math.random() * 250);

/**
 * Closes a Redis client: waits for its pending commands briefly, then drops the connection, so a shutdown
 * never hangs on a dead Redis.
 *
 * @example
 * await Promise.all([closeRedisClient(pub), closeRedisClient(sub)]);
 */
export async function closeRedisClient(client: { isOpen: boolean; close(): Promise<void>; destroy(): void }): Promise<void> {
  if (client.isOpen) await Promise.race([client.close(), delay(CLOSE_GRACE_MS, undefined, { ref: false })]);
  client.destroy();
}
