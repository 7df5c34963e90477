/**
 * Query keys of the account feature.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: accountKeys.sessions() });
 */
export const accountKeys = {
  all: ['account'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
};
