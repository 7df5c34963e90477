// Query keys of the webhooks page, from broad to narrow like the other admin factories (adminKeys.ts).
// All start with 'admin', which login/logout clear with the rest.

/** Outgoing webhook endpoints and each one's delivery log. */
export const webhookKeys = {
  all: ['admin', 'webhooks'] as const,
  list: () => [...webhookKeys.all, 'list'] as const,
  messages: (endpointId: string) => [...webhookKeys.all, 'messages', endpointId] as const,
};
