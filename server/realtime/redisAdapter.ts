import { createShardedAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logger } from '../logger.js';
import { closeRedisClient, redisReconnectDelay } from '../redisConnections.js';
import type { IoServer } from './socketServer.js';

/** The Redis connections behind the adapter. Close them after `io.close()`, so the adapter unsubscribes first. */
export interface RedisAdapterConnection {
  /**
   * Resolves once every room subscription requested so far is active. The adapter subscribes to a room's
   * channel without waiting when a socket joins it; the replay after connect must not start before, or
   * a notification sent from another node in between would be neither replayed nor delivered live.
   */
  roomsReady(): Promise<void>;
  /** A command on the adapter's publishing connection (rate-limit counters share it). */
  sendCommand(args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

// ~16 s of retries with the backoff below (time for a Redis started alongside to come up); a wrong
// REDIS_URL must still fail start-up rather than hang it.
const STARTUP_ATTEMPTS = 8;

/**
 * Connects a pub and a sub client to `url` and makes `io` use the sharded Redis adapter (SPUBLISH/SSUBSCRIBE,
 * Redis ≥ 7.0), so an emit to `user:<id>` or `session:<sid>` reaches whichever node holds those sockets.
 * Throws when Redis cannot be reached or lacks sharded pub/sub; after start-up, errors are logged and
 * the clients reconnect forever.
 */
export async function attachRedisAdapter(io: IoServer, url: string, log: Logger): Promise<RedisAdapterConnection> {
  const server = new URL(url).host; // never log the URL itself: it may carry a password
  let started = false;
  const pub = createClient({
    url,
    // The adapter parses raw replies the way redis@4 returned them, which is RESP2 (redis@6 defaults to RESP3).
    RESP: 2,
    // ClusterAdapter awaits the publish before emitting to local sockets: a publish queued during an
    // outage would hold back this node's own deliveries too. Fail it at once instead (it is logged).
    disableOfflineQueue: true,
    socket: {
      // The default gives up after a socket timeout, which would leave the adapter dead for good.
      reconnectStrategy: (retries, cause) => (!started && retries >= STARTUP_ATTEMPTS ? cause : redisReconnectDelay(retries)),
    },
  });
  // Subscriptions made during an outage wait for the reconnect instead of failing.
  const sub = pub.duplicate({ disableOfflineQueue: false });
  for (const [role, client] of [['pub', pub], ['sub', sub]] as const) {
    client.on('error', (err: unknown) => log.error({ err, redis: server, role }, 'Redis connection error'));
    client.on('ready', () => {
      if (started) log.info({ redis: server, role }, 'Redis reconnected');
    });
  }

  try {
    await pub.connect();
    await requireShardedPubSub(pub, server);
    await sub.connect();
  } catch (err) {
    pub.destroy();
    sub.destroy();
    throw err instanceof ShardedPubSubMissing
      ? err
      : new Error(`Could not connect to Redis at ${server} (REDIS_URL): ${(err as Error).message}`, { cause: err });
  }
  started = true;

  io.adapter(
    createShardedAdapter(
      logRejections(pub, ['sPublish'], log, true),
      logRejections(sub, ['sSubscribe', 'sUnsubscribe'], log, false),
    ),
  );
  log.info({ redis: server }, 'Socket.IO uses the sharded Redis adapter');

  let barrier = 0;
  return {
    // Redis answers one connection's commands in order: when a fresh SSUBSCRIBE on the adapter's sub
    // connection is acknowledged, so is every SSUBSCRIBE the adapter sent before it.
    roomsReady: async () => {
      const channel = `flashnotify#barrier#${process.pid}#${barrier++}`;
      await sub.sSubscribe(channel, () => {});
      await sub.sUnsubscribe(channel);
    },
    sendCommand: (args) => pub.sendCommand(args),
    close: async () => {
      await Promise.all([closeRedisClient(pub), closeRedisClient(sub)]);
    },
  };
}

class ShardedPubSubMissing extends Error {}

/** Fails start-up clearly on Redis < 7.0, where the adapter's SSUBSCRIBE would fail on every room instead. */
async function requireShardedPubSub(pub: { sendCommand(args: string[]): Promise<unknown> }, server: string): Promise<void> {
  try {
    await pub.sendCommand(['PUBSUB', 'SHARDNUMSUB', 'flashnotify#probe']);
  } catch (err) {
    throw new ShardedPubSubMissing(
      `Redis at ${server} has no sharded pub/sub (Redis 7.0 or newer is required): ${(err as Error).message}`,
    );
  }
}

/**
 * The adapter calls (un)subscribe without handling rejections (one unhandled rejection ends the process,
 * e.g. when the connection drops mid-command) and reports publish failures only through `debug`. This
 * view of the client logs them; `rethrow` keeps the adapter's own handling where it has one (publish).
 */
function logRejections<T extends object>(client: T, methods: string[], log: Logger, rethrow: boolean): T {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const bound = value.bind(target) as (...args: unknown[]) => unknown;
      if (typeof prop !== 'string' || !methods.includes(prop)) return bound;
      return (...args: unknown[]) =>
        Promise.resolve(bound(...args)).catch((err: unknown) => {
          log.error({ err, command: prop, channel: args[0] }, 'Redis adapter command failed');
          if (rethrow) throw err;
        });
    },
  });
}
