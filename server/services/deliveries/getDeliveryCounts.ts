import {
  DELIVERY_STATUSES,
  EXTERNAL_CHANNEL_NAMES,
  type DeliveryStatus,
  type ExternalChannelName,
} from '../../../shared/schemas/delivery.js';
import type { Db } from '../../db/client.js';

export type DeliveryCounts = Record<ExternalChannelName, Record<DeliveryStatus, number>>;

const zeroCounts = () => Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, 0])) as Record<DeliveryStatus, number>;

/** Deliveries per channel per status, every pair present (zero when none), from one GROUP BY. */
export async function getDeliveryCounts(db: Db): Promise<DeliveryCounts> {
  const counts = Object.fromEntries(EXTERNAL_CHANNEL_NAMES.map((channel) => [channel, zeroCounts()])) as DeliveryCounts;
  const rows = await db.delivery.groupBy({ by: ['channel', 'status'], _count: { _all: true } });
  for (const row of rows) {
    const perStatus = counts[row.channel as ExternalChannelName];
    // Unknown channels or statuses (a newer node's rows) are left out rather than breaking the page.
    if (perStatus && row.status in perStatus) perStatus[row.status as DeliveryStatus] = row._count._all;
  }
  return counts;
}
