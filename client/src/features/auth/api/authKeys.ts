/** Query keys of the auth feature. */
export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
  /** The preview of one email link (`/open/<token>`). */
  link: (token: string) => [...authKeys.all, 'link', token] as const,
  /** The check of one set-password link. */
  setPasswordToken: (token: string) => [...authKeys.all, 'set-password', token] as const,
  /** The check of one invitation link. */
  invitation: (token: string) => [...authKeys.all, 'invitation', token] as const,
  config: () => [...authKeys.all, 'config'] as const,
};
