// No zod here: the embedded inbox bundle imports these codes and must not carry a validation library.

/** Codes of a refused user token: HTTP 401 `error.code`, and the socket's `connect_error` message. */
export const USER_TOKEN_ERRORS = {
  /** The token's `exp` has passed: ask the host for a new one. */
  expired: 'token_expired',
  /** Malformed, tampered, wrong algorithm, unknown/revoked/expired secret, a claim missing or out of range. */
  invalid: 'invalid_token',
  /** Valid, but no user has the token's `sub` as `externalId` (create it with `PUT /api/v1/users/{externalId}`). */
  unknownUser: 'unknown_user',
} as const;
