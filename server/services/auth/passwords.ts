import { hash, verify } from '@node-rs/argon2';

/** Argon2id hash (library defaults: 19 MiB, 2 passes, OWASP's minimum recommendation). */
export const hashPassword = (password: string): Promise<string> => hash(password);

/** Constant-time check of a password against a stored argon2 hash. */
export const verifyPassword = (storedHash: string, password: string): Promise<boolean> =>
  verify(storedHash, password);

/**
 * A hash of a random password, verified against when the email is unknown so that a login for a
 * missing account takes as long as one with a wrong password (no account enumeration by timing).
 */
let decoyHash: Promise<string> | undefined;
export const getDecoyHash = (): Promise<string> => (decoyHash ??= hash(crypto.randomUUID()));
