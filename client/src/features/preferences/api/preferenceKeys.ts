/**
 * Query and mutation keys of the preferences feature. Every mutation key starts with `all`, so
 * `useMutationState({ filters: { mutationKey: preferenceKeys.all } })` sees every save.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: preferenceKeys.detail() });
 */
export const preferenceKeys = {
  all: ['preferences'] as const,
  detail: () => [...preferenceKeys.all, 'detail'] as const,
  /** Mutation key of `PATCH /api/preferences`. */
  update: () => [...preferenceKeys.all, 'update'] as const,
  /** Mutation key of `PATCH /api/preferences/contact`. */
  contact: () => [...preferenceKeys.all, 'contact'] as const,
};
