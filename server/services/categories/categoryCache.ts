import type { EscalationStep } from '../../../shared/schemas/preferences.js';
import type { Channel } from '../../../shared/types.js';
import type { Db } from '../../db/client.js';
import { CACHE_TTL_MS } from '../../invalidation/invalidatedCache.js';
import type { InvalidationBus } from '../../invalidation/invalidationBus.js';

/** What sending needs of a category: whether it exists, and how its notifications are routed. */
export interface CategoryRouting {
  key: string;
  critical: boolean;
  defaultChannels: readonly Channel[];
  /** Critical priority's escalation ladder ([] when none). */
  escalation: EscalationStep[];
  /** Default icon of its notifications that name none (null: the category/priority glyph). */
  icon: string | null;
}

/**
 * Every category, held in memory for the send path (categories are few and rarely change; reading one per
 * send was a query on the hot path). Kept honest by the invalidation bus's `category` topic: a change on any
 * node (published by createCategory/updateCategory after their write) drops the copy everywhere; while the
 * bus is not live (Redis subscription down) every `get` reads through; the copy is re-read after
 * CACHE_TTL_MS whatever happens. A key it does not know is read again before it is called unknown, so a
 * category created a moment ago (on any node) is found at once.
 *
 * @example
 * const category = await ctx.categories.get('security'); // null: no such category
 */
export class CategoryCache {
  private loaded: { at: number; byKey: Promise<Map<string, CategoryRouting>> } | null = null;

  constructor(
    private readonly db: Db,
    private readonly bus: InvalidationBus,
  ) {
    bus.subscribe('category', () => this.invalidate());
  }

  async get(key: string): Promise<CategoryRouting | null> {
    const known = (await this.all()).get(key);
    if (known) return known;
    this.invalidate();
    return (await this.all()).get(key) ?? null;
  }

  /** Drops the copy: the next `get` reads every category again. Called by the bus; writers publish instead. */
  private invalidate(): void {
    this.loaded = null;
  }

  private all(): Promise<Map<string, CategoryRouting>> {
    if (!this.bus.live) return this.read();
    if (!this.loaded || Date.now() - this.loaded.at > CACHE_TTL_MS) {
      const byKey = this.read();
      // A failed read is not kept: the next send tries again.
      byKey.catch(() => this.loaded?.byKey === byKey && this.invalidate());
      this.loaded = { at: Date.now(), byKey };
    }
    return this.loaded.byKey;
  }

  private async read(): Promise<Map<string, CategoryRouting>> {
    const rows = await this.db.category.findMany({ select: { key: true, critical: true, defaultChannels: true, escalation: true, icon: true } });
    return new Map(
      rows.map((row) => [
        row.key,
        {
          key: row.key,
          critical: row.critical,
          defaultChannels: row.defaultChannels.split(',') as Channel[],
          escalation: row.escalation ? (JSON.parse(row.escalation) as EscalationStep[]) : [],
          icon: row.icon,
        },
      ]),
    );
  }
}
