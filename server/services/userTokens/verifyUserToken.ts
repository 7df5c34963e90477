import { errors as joseErrors, jwtVerify, type JWTHeaderParameters } from 'jose';
import { externalIdSchema } from '../../../shared/schemas/notification.js';
import { USER_TOKEN_CLOCK_TOLERANCE_S, USER_TOKEN_MAX_LIFETIME_S } from '../../../shared/schemas/userTokens.js';
import { USER_TOKEN_ERRORS } from '../../../shared/userTokenErrors.js';
import type { AppContext } from '../../context.js';
import { HttpError } from '../../errors.js';
import { InvalidatedCache } from '../../invalidation/invalidatedCache.js';

/** Who a verified user token speaks for. */
export interface UserTokenIdentity {
  /** Our id of the user. */
  userId: string;
  /** The token's `sub`: the host's id of the user. */
  externalId: string;
  /** The `kid` of the secret that signed it; null for `USER_TOKEN_SECRET`. */
  secretId: string | null;
  /** When the token stops working, ms since the epoch: its `exp`, or its secret's end when sooner. */
  expiresAt: number;
}

/**
 * Checks a user token and resolves it to its user.
 *
 * @throws UserTokenError (401) when the token is refused; a database error as is (503 upstream)
 */
export type UserTokenVerifier = (token: string) => Promise<UserTokenIdentity>;

/**
 * A refused user token: 401 with `error.code` one of USER_TOKEN_ERRORS and, as RFC 6750 §3 asks of a bearer
 * resource, `WWW-Authenticate: Bearer error="invalid_token"`. On a socket, `code` is the `connect_error` message.
 */
export class UserTokenError extends HttpError {
  constructor(code: (typeof USER_TOKEN_ERRORS)[keyof typeof USER_TOKEN_ERRORS], message: string) {
    super(401, code, message, [{ path: 'headers.authorization', message }], {
      'WWW-Authenticate': `Bearer error="invalid_token", error_description="${message.replace(/["\\]/g, '')}"`,
    });
  }
}

const invalid = (message: string) => new UserTokenError(USER_TOKEN_ERRORS.invalid, message);

/** A secret as cached: revoked and expired ones too, so a token naming one costs no query either. */
interface CachedSecret {
  key: Uint8Array;
  /** End of the secret (a rotation's overlap), ms since the epoch. */
  endsAt: number | undefined;
  revoked: boolean;
}

/** The ids createUserTokenSecret makes; anything else is refused without a query. */
const SECRET_ID = /^uts_[A-Za-z0-9_-]{12}$/;
/** More secrets than any install has. */
const MAX_CACHED_SECRETS = 1000;

const encoder = new TextEncoder();

/**
 * Makes the verifier of user tokens: JWTs (RFC 7519) a host backend signs with HS256 for one of its users.
 * - Header: `alg` must be `HS256`; `kid` names an admin-made secret (`uts_…`); without `kid` the token is
 *   checked with `USER_TOKEN_SECRET`. Unknown, revoked or expired secrets: `invalid_token`.
 * - Claims: `sub` = the user's `externalId` (required); `exp` (required) at most USER_TOKEN_MAX_LIFETIME_S
 *   ahead; `nbf` honoured; USER_TOKEN_CLOCK_TOLERANCE_S of skew either way. A passed `exp`: `token_expired`.
 * - The user must exist (`unknown_user` otherwise): hosts create their users with `PUT /api/v1/users/{externalId}`
 *   before posting them notifications, and a token never creates one, so holding a signing secret cannot
 *   plant accounts with chosen emails.
 * Secrets are cached in memory and dropped on every node by the invalidation bus (`userTokenSecret`).
 *
 * @example
 * const verify = createUserTokenVerifier(ctx);
 * const { userId, expiresAt } = await verify(token);
 */
export function createUserTokenVerifier(ctx: Pick<AppContext, 'db' | 'invalidation' | 'config'>): UserTokenVerifier {
  const { db } = ctx;
  const environmentKey = ctx.config.userTokenSecret === undefined ? undefined : encoder.encode(ctx.config.userTokenSecret);
  const secrets = new InvalidatedCache<CachedSecret>(ctx.invalidation, { topic: 'userTokenSecret', max: MAX_CACHED_SECRETS });
  const loadSecret = async (id: string): Promise<CachedSecret | undefined> => {
    const row = await db.userTokenSecret.findUnique({ where: { id }, select: { secret: true, expiresAt: true, revokedAt: true } });
    if (!row) return undefined;
    return { key: encoder.encode(row.secret), endsAt: row.expiresAt?.getTime(), revoked: row.revokedAt !== null };
  };

  const resolveKey = async (header: JWTHeaderParameters, now: number): Promise<{ key: Uint8Array; secretId: string | null; endsAt?: number }> => {
    if (header.kid === undefined) {
      if (!environmentKey) throw invalid('The token names no secret ("kid" header) and USER_TOKEN_SECRET is not set');
      return { key: environmentKey, secretId: null };
    }
    if (!SECRET_ID.test(header.kid)) throw invalid('Unknown signing secret ("kid" header)');
    const secret = await secrets.get(header.kid, () => loadSecret(header.kid as string));
    if (!secret) throw invalid('Unknown signing secret ("kid" header)');
    if (secret.revoked) throw invalid('The token was signed with a revoked secret');
    if (secret.endsAt !== undefined && secret.endsAt <= now) throw invalid('The token was signed with a secret that has expired (rotated)');
    return { key: secret.key, secretId: header.kid, endsAt: secret.endsAt };
  };

  return async (token) => {
    const now = Date.now();
    let resolved: Awaited<ReturnType<typeof resolveKey>> | undefined;
    let payload;
    try {
      ({ payload } = await jwtVerify(
        token,
        async (header) => {
          resolved = await resolveKey(header, now);
          return resolved.key;
        },
        { algorithms: ['HS256'], requiredClaims: ['sub', 'exp'], clockTolerance: USER_TOKEN_CLOCK_TOLERANCE_S, currentDate: new Date(now) },
      ));
    } catch (err) {
      throw refusal(err);
    }
    if (!resolved || payload.exp === undefined || payload.sub === undefined) throw invalid('The token lacks "sub" or "exp"');
    if (payload.exp > now / 1000 + USER_TOKEN_MAX_LIFETIME_S + USER_TOKEN_CLOCK_TOLERANCE_S) {
      throw invalid(`"exp" is more than ${USER_TOKEN_MAX_LIFETIME_S} seconds ahead: sign short-lived tokens`);
    }
    const externalId = externalIdSchema.safeParse(payload.sub);
    if (!externalId.success) throw invalid(`"sub" is not a valid externalId: ${externalId.error.issues[0]?.message ?? 'invalid'}`);
    const user = await db.user.findUnique({ where: { externalId: externalId.data }, select: { id: true } });
    if (!user) {
      throw new UserTokenError(USER_TOKEN_ERRORS.unknownUser, 'No user has this "sub" as externalId: create it with PUT /api/v1/users/{externalId}');
    }
    const expiresAt = Math.min(payload.exp * 1000, resolved.endsAt ?? Infinity);
    return { userId: user.id, externalId: externalId.data, secretId: resolved.secretId, expiresAt };
  };
}

/** jose's failure → the 401 a client can act on; anything else (our refusals, a database error) as is. */
function refusal(err: unknown): unknown {
  if (err instanceof UserTokenError) return err;
  if (err instanceof joseErrors.JWTExpired) return new UserTokenError(USER_TOKEN_ERRORS.expired, 'The token has expired: ask the host for a new one');
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return invalid('The token must be signed with HS256');
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return invalid('The token\'s signature does not match');
  if (err instanceof joseErrors.JWTClaimValidationFailed) return invalid(`The token's "${err.claim}" claim is missing or invalid`);
  if (err instanceof joseErrors.JOSEError) return invalid('Not a valid JWT');
  return err;
}
