import type { ExternalChannelName } from '../../shared/schemas/delivery.js';
import type { Db } from '../db/client.js';

const settingKey = (channel: ExternalChannelName) => `channel.${channel}.enabled`;
const CACHE_MS = 2000;

/**
 * The admins' runtime switch per external channel, stored in AppSetting so every node sees it (within
 * CACHE_MS) and it survives restarts. A disabled channel gets no new deliveries and the worker holds back
 * pending ones until it is enabled again.
 */
export class ChannelSwitches {
  private cache: { at: number; disabled: Set<string> } | null = null;

  constructor(private readonly db: Db) {}

  async isEnabled(channel: ExternalChannelName): Promise<boolean> {
    return !(await this.disabled()).has(channel);
  }

  async set(channel: ExternalChannelName, enabled: boolean): Promise<void> {
    await this.db.appSetting.upsert({
      where: { key: settingKey(channel) },
      update: { value: String(enabled) },
      create: { key: settingKey(channel), value: String(enabled) },
    });
    this.cache = null;
  }

  private async disabled(): Promise<Set<string>> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.disabled;
    const rows = await this.db.appSetting.findMany({ where: { key: { startsWith: 'channel.' }, value: 'false' } });
    const disabled = new Set(rows.map((row) => row.key.split('.')[1]!));
    this.cache = { at: Date.now(), disabled };
    return disabled;
  }
}
