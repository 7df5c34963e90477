import type { ExternalChannelName } from '../../shared/schemas/delivery.js';
import type { Db } from '../db/client.js';
import { InvalidatedCache } from '../invalidation/invalidatedCache.js';
import type { InvalidationBus } from '../invalidation/invalidationBus.js';

const settingKey = (channel: ExternalChannelName) => `channel.${channel}.enabled`;

/**
 * The admins' runtime switch per external channel, stored in AppSetting so every node sees it and it
 * survives restarts. A disabled channel gets no new deliveries and the worker holds back pending ones until
 * it is enabled again. The switches are read from memory; `set` publishes `channelSwitch` on the
 * invalidation bus, so every node reads them again before it plans its next delivery.
 */
export class ChannelSwitches {
  private readonly cache: InvalidatedCache<{ disabled: ReadonlySet<string> }>;

  constructor(
    private readonly db: Db,
    private readonly invalidation: InvalidationBus,
  ) {
    this.cache = new InvalidatedCache(invalidation, { topic: 'channelSwitch', max: 1 });
  }

  async isEnabled(channel: ExternalChannelName): Promise<boolean> {
    return !(await this.disabled()).has(channel);
  }

  async set(channel: ExternalChannelName, enabled: boolean): Promise<void> {
    await this.db.appSetting.upsert({
      where: { key: settingKey(channel) },
      update: { value: String(enabled) },
      create: { key: settingKey(channel), value: String(enabled) },
    });
    await this.invalidation.publish('channelSwitch');
  }

  private async disabled(): Promise<ReadonlySet<string>> {
    const cached = await this.cache.get('disabled', async () => {
      const rows = await this.db.appSetting.findMany({ where: { key: { startsWith: 'channel.' }, value: 'false' } });
      return { disabled: new Set(rows.map((row) => row.key.split('.')[1]!)) };
    });
    return cached!.disabled;
  }
}
