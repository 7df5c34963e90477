import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { createClient } from 'redis';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { closeRedisClient, redisReconnectDelay } from '../redisConnections.js';
import { INVALIDATION_TOPICS, type InvalidationReceiver, type InvalidationTopic, type InvalidationTransport } from './invalidationBus.js';

/** The one pub/sub channel of every node's invalidations. */
const CHANNEL = 'flashnotify:invalidate';
/** How long a publisher waits for Redis to take its message; past that it goes on (the message still goes out). */
const PUBLISH_WAIT_MS = 1_000;

/** What travels on the channel. `node` lets a node skip its own messages (it ran its handlers when it published). */
const messageSchema = z.object({
  node: z.string(),
  topic: z.enum(INVALIDATION_TOPICS),
  key: z.string().optional(),
});

/**
 * Redis pub/sub for the invalidation bus: a publishing and a subscribed connection of their own (so neither
 * waits behind the Socket.IO adapter's traffic), both reconnecting forever. Returns at once; until the
 * subscription is active the transport is not `live`.
 *
 * - The subscribed connection drops (Redis down, network cut): not `live` (caches read through); when node-redis
 *   has reconnected and re-subscribed (before its `ready`), `receiver.resubscribed()` has every cache dropped.
 * - The publishing connection is down, or a publish fails: the message is kept (deduplicated) and sent when
 *   that connection is ready again, so a change made during an outage still reaches the other nodes.
 */
export function connectRedisInvalidation(url: string, log: Logger, receiver: InvalidationReceiver): InvalidationTransport {
  const server = new URL(url).host; // never log the URL itself: it may carry a password
  const node = randomUUID();
  // Fail at once rather than queue inside node-redis: `pending` below keeps what must be sent again.
  const pub = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: redisReconnectDelay } });
  const sub = pub.duplicate({ disableOfflineQueue: false });
  const pending = new Map<string, { topic: InvalidationTopic; key: string | undefined }>();
  let subscribed = false;
  let closing = false;

  const send = async (topic: InvalidationTopic, key: string | undefined) => {
    try {
      await pub.publish(CHANNEL, JSON.stringify({ node, topic, key }));
    } catch (err) {
      if (closing) return;
      pending.set(`${topic}\u0000${key ?? ''}`, { topic, key });
      log.warn({ err, redis: server, topic }, 'Could not publish a cache invalidation; it is sent when Redis is back');
    }
  };

  for (const [role, client] of [['invalidation-pub', pub], ['invalidation-sub', sub]] as const) {
    let down = false;
    client.on('error', (err: unknown) => {
      if (down || closing) return; // one line per outage, not one per reconnection attempt
      down = true;
      log.error({ err, redis: server, role }, 'Redis connection error');
    });
    client.on('ready', () => {
      if (down) log.info({ redis: server, role }, 'Redis reconnected');
      down = false;
    });
  }
  pub.on('ready', () => {
    const again = [...pending.values()];
    pending.clear();
    for (const { topic, key } of again) void send(topic, key);
  });
  // node-redis re-subscribes before it emits `ready` again: from here on nothing is missed, but whatever
  // was published while the connection was down is lost.
  sub.on('ready', () => {
    if (subscribed) receiver.resubscribed();
  });

  const onMessage = (raw: string) => {
    let parsed: z.infer<typeof messageSchema>;
    try {
      parsed = messageSchema.parse(JSON.parse(raw));
    } catch (err) {
      log.warn({ err, channel: CHANNEL }, 'Ignored a malformed cache invalidation');
      return;
    }
    if (parsed.node !== node) receiver.received(parsed.topic, parsed.key);
  };
  const started = (async () => {
    await Promise.all([pub.connect(), sub.connect()]);
    await sub.subscribe(CHANNEL, onMessage);
    subscribed = true;
    receiver.resubscribed();
  })();
  started.catch((err: unknown) => {
    if (!closing) log.error({ err, redis: server }, 'Could not subscribe to cache invalidations');
  });

  return {
    get live() {
      return subscribed && sub.isReady;
    },
    async publish(topic, key) {
      if (!pub.isReady) {
        pending.set(`${topic}\u0000${key ?? ''}`, { topic, key });
        return;
      }
      await Promise.race([send(topic, key), delay(PUBLISH_WAIT_MS, undefined, { ref: false })]);
    },
    async close() {
      closing = true;
      await Promise.all([closeRedisClient(pub), closeRedisClient(sub)]);
    },
  };
}
