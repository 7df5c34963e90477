import { LRUCache } from 'lru-cache';
import type { InvalidationBus, InvalidationTopic } from './invalidationBus.js';

/**
 * How long any entry is kept at most, in ms: the bound on staleness should an invalidation be lost without
 * anyone noticing (a publisher cut off from Redis that then died; a half-open connection). Invalidations
 * normally act at once; this only caps the worst case.
 */
export const CACHE_TTL_MS = 30_000;

/** Options of {@link InvalidatedCache}. */
export interface InvalidatedCacheOptions<V> {
  /** The bus topic whose messages drop entries of this cache. */
  topic: InvalidationTopic;
  /** Entries kept at most (least recently used go first). */
  max: number;
  /** Entry lifetime in ms (default CACHE_TTL_MS). */
  ttlMs?: number;
  /**
   * The invalidation key of an entry, when it is not the cache key (API keys are cached by secret hash and
   * invalidated by id, so no secret-derived value travels through Redis). Default: the cache key.
   */
  invalidationKey?: (value: V) => string;
}

/**
 * An in-memory cache of database rows that the invalidation bus keeps honest on every node:
 * - an entry is dropped when its topic announces its key (or everything), on this node or another;
 * - while the bus is not `live` (Redis subscription down) nothing is served from memory or stored;
 * - a load that an invalidation overtakes is returned to its caller but not stored, so a row read just
 *   before a change cannot outlive the change's invalidation;
 * - entries expire after `ttlMs` whatever happens.
 * `undefined` (no such row) is never cached: a later insert needs no invalidation.
 *
 * @example
 * const categories = new InvalidatedCache<Category>(ctx.invalidation, { topic: 'category', max: 1000 });
 * const category = await categories.get(key, () => db.category.findUnique({ where: { key } }).then((row) => row ?? undefined));
 */
export class InvalidatedCache<V extends object> {
  private readonly entries: LRUCache<string, V>;
  /** Bumped by every invalidation: a load that started under an older generation is not stored. */
  private generation = 0;

  constructor(
    private readonly bus: InvalidationBus,
    private readonly options: InvalidatedCacheOptions<V>,
  ) {
    this.entries = new LRUCache<string, V>({ max: options.max, ttl: options.ttlMs ?? CACHE_TTL_MS });
    bus.subscribe(options.topic, (key) => this.invalidate(key));
  }

  /** The value for `key`: from memory, or from `load()` (kept for next time when nothing invalidated it meanwhile). */
  async get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    if (this.bus.live) {
      const hit = this.entries.get(key);
      if (hit !== undefined) return hit;
    }
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && generation === this.generation && this.bus.live) this.entries.set(key, value);
    return value;
  }

  /** Drops the entries of invalidation key `key`, or all of them. Called by the bus; callers publish instead. */
  private invalidate(key: string | undefined): void {
    this.generation++;
    if (key === undefined) {
      this.entries.clear();
    } else if (!this.options.invalidationKey) {
      this.entries.delete(key);
    } else {
      const { invalidationKey } = this.options;
      // Collected first: deleting from the LRU while iterating it is not safe.
      const stale = [...this.entries.entries()].filter(([, value]) => invalidationKey(value) === key).map(([cacheKey]) => cacheKey);
      for (const cacheKey of stale) this.entries.delete(cacheKey);
    }
  }
}
