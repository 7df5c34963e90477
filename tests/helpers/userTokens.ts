import { SignJWT } from 'jose';
import { TEST_API_KEY } from './testServer.js';

/** The USER_TOKEN_SECRET test servers of user-token tests get. */
export const TEST_USER_TOKEN_SECRET = 'test-user-token-secret-0123456789abcdef';

export interface SignOptions {
  /** The user's externalId. */
  sub?: string;
  /** Seconds from now (may be negative); default 600. */
  expiresIn?: number;
  /** The secret's id, for admin-made secrets; none for USER_TOKEN_SECRET. */
  kid?: string;
  secret?: string;
  alg?: 'HS256' | 'HS384' | 'HS512';
  /** Leave `exp` out. */
  noExp?: boolean;
  claims?: Record<string, unknown>;
}

/** Signs a user token as a host backend would (jose's SignJWT). */
export async function signUserToken(options: SignOptions = {}): Promise<string> {
  const { sub, expiresIn = 600, kid, secret = TEST_USER_TOKEN_SECRET, alg = 'HS256', noExp = false, claims = {} } = options;
  let jwt = new SignJWT(claims).setProtectedHeader(kid ? { alg, kid } : { alg }).setIssuedAt();
  if (sub !== undefined) jwt = jwt.setSubject(sub);
  if (!noExp) jwt = jwt.setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn);
  return jwt.sign(new TextEncoder().encode(secret));
}

/** Creates (or updates) a host user through the v1 API, as a host backend does before posting to it. */
export async function upsertHostUser(baseUrl: string, externalId: string, email = `${externalId}@host.example`): Promise<{ id: string }> {
  const res = await fetch(`${baseUrl}/api/v1/users/${encodeURIComponent(externalId)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
    body: JSON.stringify({ email, name: externalId }),
  });
  if (res.status >= 300) throw new Error(`upsert ${externalId}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

/** A fetch with `Authorization: Bearer <token>` and a JSON body, as the embedded inbox sends. */
export async function bearerRequest(baseUrl: string, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}
