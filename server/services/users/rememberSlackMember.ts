import type { Db } from '../../db/client.js';

/**
 * Keeps the Slack member id the Slack channel found from a user's email, so the next messages skip the
 * lookup. Only while the user still has that email and no id (a v1 users API change since wins).
 *
 * @example
 * await rememberSlackMember(ctx.db, { userId, email: 'ada@example.com', slackUserId: 'U024BE7LH' });
 */
export async function rememberSlackMember(db: Db, { userId, email, slackUserId }: { userId: string; email: string; slackUserId: string }): Promise<void> {
  await db.user.updateMany({ where: { id: userId, email, slackUserId: null }, data: { slackUserId } });
}
