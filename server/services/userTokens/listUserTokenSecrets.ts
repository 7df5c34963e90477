import type { UserTokenSecretList } from '../../../shared/schemas/userTokens.js';
import type { AppContext } from '../../context.js';
import { presentUserTokenSecret, USER_TOKEN_SECRET_SELECT } from './userTokenSecrets.js';

/** Every user-token secret, newest first (revoked and expired ones too: the history of a rotation). */
export async function listUserTokenSecrets(ctx: Pick<AppContext, 'db' | 'config'>): Promise<UserTokenSecretList> {
  const rows = await ctx.db.userTokenSecret.findMany({ select: USER_TOKEN_SECRET_SELECT, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  const now = Date.now();
  return { items: rows.map((row) => presentUserTokenSecret(row, now)), environmentSecret: ctx.config.userTokenSecret !== undefined };
}
