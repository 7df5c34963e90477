import { afterEach, describe, expect, it } from 'vitest';
import { InvalidatedCache } from '../../server/invalidation/invalidatedCache.js';
import { createInvalidationBus, type InvalidationBus } from '../../server/invalidation/invalidationBus.js';
import { createLogger } from '../../server/logger.js';

interface Row {
  id: string;
  name: string;
}

let bus: InvalidationBus;
afterEach(() => bus?.close());

/** A loader that counts its calls, as a database query would be counted. */
function counted(row: Row | undefined) {
  const loader = { calls: 0, load: async () => (loader.calls++, row && { ...row }) };
  return loader;
}

describe('InvalidatedCache on the in-process bus', () => {
  it('loads a key once, then serves it from memory until its key is published', async () => {
    bus = await createInvalidationBus({ log: createLogger('silent') });
    const cache = new InvalidatedCache<Row>(bus, { topic: 'category', max: 10 });
    const db = counted({ id: 'billing', name: 'Billing' });

    expect(await cache.get('billing', db.load)).toEqual({ id: 'billing', name: 'Billing' });
    expect(await cache.get('billing', db.load)).toEqual({ id: 'billing', name: 'Billing' });
    expect(db.calls).toBe(1);

    await bus.publish('category', 'other');
    await cache.get('billing', db.load);
    expect(db.calls).toBe(1);
    await bus.publish('category', 'billing');
    await cache.get('billing', db.load);
    expect(db.calls).toBe(2);
    await bus.publish('category');
    await cache.get('billing', db.load);
    expect(db.calls).toBe(3);
  });

  it('does not keep a row read before an invalidation that arrived while it was being read', async () => {
    bus = await createInvalidationBus({ log: createLogger('silent') });
    const cache = new InvalidatedCache<Row>(bus, { topic: 'category', max: 10 });
    let release!: () => void;
    const slow = cache.get('billing', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return { id: 'billing', name: 'Before the change' };
    });
    await bus.publish('category', 'billing'); // the change committed while the read was in flight
    release();
    expect(await slow).toEqual({ id: 'billing', name: 'Before the change' }); // its caller gets what it read…
    const db = counted({ id: 'billing', name: 'After the change' });
    expect(await cache.get('billing', db.load)).toEqual({ id: 'billing', name: 'After the change' }); // …nobody else
    expect(db.calls).toBe(1);
  });

  it('drops entries by their invalidation key when it is not the cache key, and never caches a missing row', async () => {
    bus = await createInvalidationBus({ log: createLogger('silent') });
    const cache = new InvalidatedCache<Row>(bus, { topic: 'apiKey', max: 10, invalidationKey: (row) => row.id });
    const key = counted({ id: 'key-1', name: 'Billing' });
    await cache.get('hash-of-secret', key.load);
    await bus.publish('apiKey', 'key-1');
    await cache.get('hash-of-secret', key.load);
    expect(key.calls).toBe(2);

    const missing = counted(undefined);
    expect(await cache.get('unknown', missing.load)).toBeUndefined();
    expect(await cache.get('unknown', missing.load)).toBeUndefined();
    expect(missing.calls).toBe(2);
  });

  it('calls no handler once the bus is closed', async () => {
    bus = await createInvalidationBus({ log: createLogger('silent') });
    const seen: (string | undefined)[] = [];
    bus.subscribe('channelSwitch', (key) => seen.push(key));
    await bus.publish('channelSwitch', 'email');
    await bus.close();
    await bus.publish('channelSwitch', 'sms');
    expect(seen).toEqual(['email']);
    expect(bus.live).toBe(false);
  });
});
