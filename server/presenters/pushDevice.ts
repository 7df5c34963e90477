import type { PushDeviceDto } from '../../shared/schemas/delivery.js';

/** The columns a device DTO is built from; never the endpoint or keys, which are secrets of the device. */
export interface PushDeviceRow {
  id: string;
  userAgent: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Row → DTO for the "Devices" page. */
export function presentPushDevice(row: PushDeviceRow): PushDeviceDto {
  return {
    id: row.id,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
