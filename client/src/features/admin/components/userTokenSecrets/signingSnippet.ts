/**
 * The Node code a host backend signs user tokens with, for the secret `kid`: ready to paste, the secret
 * itself read from the host's environment rather than written into code.
 *
 * @example
 * signingSnippet('uts_AbCdEfGhIjKl'); // "import { SignJWT } from 'jose'; …"
 */
export function signingSnippet(kid: string): string {
  return `import { SignJWT } from 'jose';

// The secret above, kept on your server only.
const secret = new TextEncoder().encode(process.env.FLASHNOTIFY_USER_TOKEN_SECRET);

// externalId: a user you created with PUT /api/v1/users/{externalId}.
export const signUserToken = ({ externalId, name }) =>
  new SignJWT({ name })
    .setProtectedHeader({ alg: 'HS256', kid: '${kid}' })
    .setSubject(externalId)
    .setExpirationTime('1h')
    .sign(secret);
`;
}
