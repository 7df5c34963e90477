import type { Logger } from '../logger.js';

/** The kinds of cached data a change can make stale; each cache listens to its own. */
export const INVALIDATION_TOPICS = ['apiKey', 'channelSwitch', 'category', 'userTokenSecret'] as const;
export type InvalidationTopic = (typeof INVALIDATION_TOPICS)[number];

/** Told that `key` changed, or, with `undefined`, that anything of the topic may have: drop it all. */
export type InvalidationHandler = (key: string | undefined) => void;

/**
 * Tells every node's in-memory caches that something they hold changed in the database, so a change made
 * through one node (a revoked API key, a channel switched off) takes effect at once on all of them.
 * One per server (`ctx.invalidation`). A cache subscribes to its topic and drops what it is told; the code
 * that changes the data publishes after its write has committed.
 *
 * - One node (no `REDIS_URL`): in-process only.
 * - Scale-out: Redis pub/sub on channel `flashnotify:invalidate`. A node whose subscription is down cannot
 *   hear the others, so `live` is false then and caches must read through to the database (see
 *   InvalidatedCache); when the subscription is back, every topic is dropped once, since messages sent
 *   meanwhile are lost. A publish made while this node's Redis connection is down is sent when it is back.
 *   Caches also keep entries for a bounded time (a backstop for a message lost in a way nobody notices).
 *
 * @example
 * ctx.invalidation.subscribe('category', (key) => (key ? categories.delete(key) : categories.clear()));
 * await db.category.update({ where: { key }, data });
 * await ctx.invalidation.publish('category', key);
 */
export interface InvalidationBus {
  /**
   * Announces a change of `key` of `topic` (none: everything of the topic). This node's handlers have run
   * when it returns; it resolves once Redis has taken the message for the other nodes (or at once while
   * Redis is unreachable: it goes out on reconnect). Never rejects: the change itself is already committed.
   */
  publish(topic: InvalidationTopic, key?: string): Promise<void>;
  /** Calls `handler` for every change of `topic`, from this node or another. Returns the unsubscribe function. */
  subscribe(topic: InvalidationTopic, handler: InvalidationHandler): () => void;
  /** False while this node may miss other nodes' invalidations (its Redis subscription is down): do not serve from memory. */
  readonly live: boolean;
  /** Disconnects from Redis; handlers are not called any more. */
  close(): Promise<void>;
}

/** Carries invalidations between nodes (Redis pub/sub in scale-out). */
export interface InvalidationTransport {
  /** True while every invalidation the other nodes publish reaches this node. */
  readonly live: boolean;
  publish(topic: InvalidationTopic, key: string | undefined): Promise<void>;
  close(): Promise<void>;
}

/** What the transport calls on this node: one change from another node, or "drop everything" after an outage. */
export interface InvalidationReceiver {
  received(topic: InvalidationTopic, key: string | undefined): void;
  /** The subscription was down and is active again: whatever was published meanwhile is lost. */
  resubscribed(): void;
}

/**
 * The server's invalidation bus: in-process, plus Redis pub/sub when `redisUrl` is set. Does not wait for
 * Redis: until its subscription is active the bus is not `live` and caches read through.
 *
 * @example
 * const invalidation = await createInvalidationBus({ redisUrl: config.redisUrl, log });
 */
export async function createInvalidationBus(options: { redisUrl?: string; log: Logger }): Promise<InvalidationBus> {
  const handlers = new Map<InvalidationTopic, Set<InvalidationHandler>>();
  let closed = false;
  const notify = (topic: InvalidationTopic, key: string | undefined) => {
    if (closed) return;
    for (const handler of handlers.get(topic) ?? []) {
      try {
        handler(key);
      } catch (err) {
        // One faulty cache must not keep the others stale.
        options.log.error({ err, topic }, 'Cache invalidation handler failed');
      }
    }
  };
  const receiver: InvalidationReceiver = {
    received: notify,
    resubscribed: () => {
      for (const topic of handlers.keys()) notify(topic, undefined);
    },
  };
  // Loaded only in scale-out mode: the Redis client library is slow to load and embedded mode never needs it.
  const transport = options.redisUrl
    ? (await import('./redisInvalidationTransport.js')).connectRedisInvalidation(options.redisUrl, options.log, receiver)
    : undefined;

  return {
    async publish(topic, key) {
      notify(topic, key);
      await transport?.publish(topic, key);
    },
    subscribe(topic, handler) {
      let set = handlers.get(topic);
      if (!set) handlers.set(topic, (set = new Set()));
      set.add(handler);
      return () => set.delete(handler);
    },
    get live() {
      return !closed && (transport?.live ?? true);
    },
    async close() {
      closed = true;
      handlers.clear();
      await transport?.close();
    },
  };
}
