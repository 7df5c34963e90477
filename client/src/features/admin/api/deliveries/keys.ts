import type { DeliveryStatus, ExternalChannelName, OutboxMessageDto } from '@shared/schemas/delivery';

// Query keys of the delivery pages, from broad to narrow like the other admin factories (adminKeys.ts).
// All start with 'admin', which login/logout clear with the rest.

/** Filters of a deliveries list: the deliveries page's selects, or one send's deliveries. */
export interface DeliveryFilters {
  channel?: ExternalChannelName;
  status?: DeliveryStatus;
  sendId?: string;
}

/**
 * External deliveries with their attempts.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: deliveryKeys.lists() }); // the page and every send's section
 */
export const deliveryKeys = {
  all: ['admin', 'deliveries'] as const,
  lists: () => [...deliveryKeys.all, 'list'] as const,
  list: (filters: DeliveryFilters) =>
    [...deliveryKeys.lists(), { channel: filters.channel ?? '', status: filters.status ?? '', sendId: filters.sendId ?? '' }] as const,
};

/** The external channels' switches, breakers and counts. */
export const channelKeys = {
  all: ['admin', 'channels'] as const,
  list: () => [...channelKeys.all, 'list'] as const,
};

/** The dev outbox. */
export const outboxKeys = {
  all: ['admin', 'outbox'] as const,
  list: (channel: OutboxMessageDto['channel'] | undefined) => [...outboxKeys.all, 'list', { channel: channel ?? '' }] as const,
};
