import type { Recipient } from '../../../shared/schemas/notification.js';
import type { UserErasure } from '../../../shared/schemas/gdpr.js';
import type { AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/client.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { idempotencyScope } from '../idempotency/runIdempotent.js';
import { batchTimer } from '../batches.js';
import { REMOVED_NOTIFICATION, removeNotifications } from '../notifications/removeNotifications.js';
import { endUserSessions } from '../sessions/endUserSessions.js';
import { GDPR_PAGE, pages } from './jsonChunks.js';

export interface EraseUserProps {
  userId: string;
  actor: AuditActor;
  /** `POST /api/admin/users/{id}/erase`: the email typed to confirm; it must be the user's (else 422, nothing erased). */
  confirmEmail?: string;
  /** API keys may not erase admins (409): an admin is erased by another admin, in the web app. */
  refuseAdmins?: boolean;
}

/**
 * Erases one person (GDPR "right to erasure"): their notifications with deliveries and attempts, push
 * devices and consents, sessions, preferences, topic subscriptions, digests, invitations, dev-outbox
 * messages to their address, outgoing webhook messages about them (sent or not), and their user row itself: nothing is kept as a tombstone, since a send's
 * history needs only its counts. Sends keep those counts: reads and answers of the erased notifications
 * move to the send's frozen counts (see removeNotifications), `recipientCount` is stored already. A send whose
 * recipient list named them by email or external id is rewritten to name their (now meaningless) user id.
 * Audit events stay (the log is append-only); they hold ids, never the person's data.
 *
 * Order: sign them out and disconnect their sockets first (nothing acts for them meanwhile), then the
 * notifications GDPR_PAGE at a time, each page its own short transaction, so sends to other users commit
 * between pages instead of waiting for the whole erasure; then, in one transaction, what is left (a page
 * of stragglers sent meanwhile at most, usually nothing), the other rows, the user row and the
 * `user.erased` audit event, which names who erased whom by id and counts what went.
 *
 * @throws NotFoundError (404), HttpError 409 `cannot_erase_self` (an admin erasing themselves),
 *   409 `user_is_admin` (with `refuseAdmins`), 422 `confirmation_mismatch` (path `confirmEmail`)
 * @example
 * const { erased } = await eraseUser(ctx, { userId, actor, confirmEmail: 'bob@example.com' });
 */
export async function eraseUser(ctx: AppContext, { userId, actor, confirmEmail, refuseAdmins = false }: EraseUserProps): Promise<UserErasure> {
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, phone: true, externalId: true, role: true } });
  if (!user) throw NotFoundError('user');
  if (actor.type === 'user' && actor.id === userId) throw new HttpError(409, 'cannot_erase_self', 'You cannot erase your own account; ask another admin');
  if (refuseAdmins && user.role === 'admin') throw new HttpError(409, 'user_is_admin', 'This user is an admin: another admin erases them in the web app');
  if (confirmEmail !== undefined && confirmEmail.toLowerCase() !== user.email) {
    throw new HttpError(422, 'confirmation_mismatch', 'The email typed to confirm is not this user’s', [
      { path: 'confirmEmail', message: 'Must be the email of the user to erase' },
    ]);
  }

  const erased: UserErasure['erased'] = {
    notifications: 0, deliveries: 0, deliveryAttempts: 0, devices: 0, sessions: 0,
    preferences: 0, topicSubscriptions: 0, invitations: 0, outboxMessages: 0, sendsAnonymised: 0,
  };
  /** One page of notifications, in the caller's transaction; how many there were (fewer than a page: the last). */
  const eraseBatch = async (tx: Tx): Promise<number> => {
    // Locks the user's row first (PostgreSQL; SQLite has one writer): a concurrent erasure of the same user waits
    // here, then reads without the rows this one took, so no read or answer is frozen into a send twice.
    await tx.user.updateMany({ where: { id: userId }, data: { inboxSeq: { increment: 0 } } });
    const batch = await tx.notification.findMany({ where: { userId }, select: REMOVED_NOTIFICATION, orderBy: { id: 'asc' }, take: GDPR_PAGE });
    if (batch.length === 0) return 0;
    const rows = await removeNotifications(tx, batch);
    erased.notifications += rows.notifications;
    erased.deliveries += rows.deliveries;
    erased.deliveryAttempts += rows.deliveryAttempts;
    erased.outboxMessages += rows.outboxMessages;
    return batch.length;
  };

  erased.sessions += await endUserSessions(ctx, { userId });
  // A short page was the last; whatever arrives after it goes in the final transaction.
  for (;;) {
    const rest = batchTimer();
    if ((await ctx.db.$transaction(eraseBatch)) < GDPR_PAGE) break;
    await rest();
  }
  erased.sendsAnonymised = await anonymiseSendRecipients(ctx.db, user);

  await ctx.db.$transaction(async (tx) => {
    while ((await eraseBatch(tx)) === GDPR_PAGE);
    const byUser = { where: { userId } };
    erased.devices = (await tx.pushSubscription.deleteMany(byUser)).count;
    erased.preferences = (await tx.preference.deleteMany(byUser)).count;
    erased.topicSubscriptions = (await tx.topicSubscription.deleteMany(byUser)).count;
    erased.sessions += (await tx.session.deleteMany(byUser)).count;
    await tx.digestRun.deleteMany(byUser);
    await tx.inboxUndo.deleteMany(byUser);
    erased.invitations = (await tx.invitation.deleteMany({ where: { OR: [{ email: user.email }, { userId }] } })).count;
    const addresses = [user.email, ...(user.phone ? [user.phone] : [])];
    erased.outboxMessages += (await tx.outboxMessage.deleteMany({ where: { to: { in: addresses } } })).count;
    // Webhook messages about them (their notifications' titles and bodies, their reads, failed deliveries), waiting or
    // in the log: a waiting one would tell their data after the erasure. Each names them as `"userId":"<id>"` (the
    // payload is compact JSON); the scan is of a table the purge keeps to 30 days.
    await tx.webhookMessage.deleteMany({ where: { payload: { contains: `"userId":${JSON.stringify(userId)}` } } });
    // Answers to sends they made as an admin: kept 24 h for retries, which no longer can come.
    await tx.idempotencyRecord.deleteMany({ where: { scope: idempotencyScope.user(userId) } });
    // Conditional: a concurrent erasure of the same user may have won; then this one erased nothing more.
    const { count } = await tx.user.deleteMany({ where: { id: userId } });
    if (count === 0) throw NotFoundError('user');
    await appendAuditEvent(tx, actor, { action: 'user.erased', target: { type: 'user', id: userId }, after: { ...erased } });
  });
  // Sockets opened meanwhile (a token socket needs no session) end too; their user no longer exists.
  ctx.realtime.disconnectUser(userId);
  ctx.log.info({ userId, erased }, 'User erased');
  return { userId, erased };
}

/**
 * Rewrites the recipient list of every send that named the user by email or external id, to name their
 * user id instead: once the user row is gone that id names nobody, and a scheduled send still to go out
 * skips it (resolveRecipients, `skipUnknown`). Reads the sends GDPR_PAGE at a time (the lists are JSON, no
 * index can find a name inside them), each page a short query. Returns how many sends were rewritten.
 */
async function anonymiseSendRecipients(db: Db, user: { id: string; email: string; externalId: string | null }): Promise<number> {
  const names = (entry: Recipient) =>
    ('email' in entry && entry.email.toLowerCase() === user.email) || ('externalId' in entry && entry.externalId === user.externalId);
  let rewritten = 0;
  const sends = pages((after: { id: string } | undefined) =>
    db.send.findMany({ where: { id: { gt: after?.id ?? '' } }, select: { id: true, recipients: true }, orderBy: { id: 'asc' }, take: GDPR_PAGE }),
  );
  for await (const page of sends) {
    for (const send of page) {
      const text = send.recipients.toLowerCase();
      if (!text.includes(user.email) && !(user.externalId && send.recipients.includes(user.externalId))) continue;
      const to = JSON.parse(send.recipients) as Recipient[];
      if (!to.some(names)) continue;
      const recipients = JSON.stringify(to.map((entry) => (names(entry) ? { userId: user.id } : entry)));
      await db.send.update({ where: { id: send.id }, data: { recipients } });
      rewritten++;
    }
  }
  return rewritten;
}
