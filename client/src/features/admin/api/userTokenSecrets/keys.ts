// Query keys of the user-token secrets page, from broad to narrow like the other admin factories
// (adminKeys.ts). All start with 'admin', which login/logout clear with the rest.

/** The secrets host backends sign user tokens with. */
export const userTokenSecretKeys = {
  all: ['admin', 'user-token-secrets'] as const,
  list: () => [...userTokenSecretKeys.all, 'list'] as const,
};
