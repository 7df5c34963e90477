/**
 * Query keys of the push devices feature.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: pushKeys.devices() });
 */
export const pushKeys = {
  all: ['push'] as const,
  devices: () => [...pushKeys.all, 'devices'] as const,
  vapidPublicKey: () => [...pushKeys.all, 'vapid-public-key'] as const,
};
