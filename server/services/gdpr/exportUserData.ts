import type { AuditEventDto } from '../../../shared/schemas/audit.js';
import type { UserExport } from '../../../shared/schemas/gdpr.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { presentAuditEvent } from '../../presenters/auditEvent.js';
import { deliveryInclude, presentDelivery } from '../../presenters/delivery.js';
import { presentUser } from '../../presenters/directory.js';
import { INVITATION_SELECT, presentInvitation } from '../../presenters/invitation.js';
import { presentNotification } from '../../presenters/notification.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { getPreferences } from '../preferences/getPreferences.js';
import { listPushDevices } from '../push/listPushDevices.js';
import { listUserSessions } from '../sessions/listUserSessions.js';
import { GDPR_PAGE, jsonArrayMember, pages } from './jsonChunks.js';

type UserRow = NonNullable<Awaited<ReturnType<Db['user']['findUnique']>>>;

/**
 * Everything stored about one user, as the chunks of one JSON document (UserExport): the small parts read
 * here, before anything is sent, so a missing user (or one erased meanwhile) is a 404, not a download cut
 * short; then notifications (with their deliveries and attempts) and audit events a page at a time, so an
 * inbox of 100,000 notifications is never in memory whole (pages of a user erased meanwhile are just empty).
 * The export is audited (`user.exported`) before its first chunk, since what was asked for is what counts.
 *
 * With `refuseAdmins` (the v1 API) an admin is not exported: their export holds the audit trail of what they
 * did as an admin (other keys' names and scopes, settings), which a key without `audit:read` must not read,
 * and their sessions; another admin exports them in the web app.
 *
 * @throws NotFoundError (404) for an unknown user; HttpError 409 `user_is_admin` for an admin with `refuseAdmins`
 * @example
 * const chunks = await openUserExport(ctx, { userId, actor: auditActor(req, res) });
 * await pipeline(Readable.from(chunks), res);
 */
export async function openUserExport(
  ctx: AppContext,
  { userId, actor, refuseAdmins = false }: { userId: string; actor: AuditActor; refuseAdmins?: boolean },
): Promise<AsyncIterable<string>> {
  const user = await ctx.db.user.findUnique({ where: { id: userId } });
  if (!user) throw NotFoundError('user');
  if (refuseAdmins && user.role === 'admin') throw new HttpError(409, 'user_is_admin', 'This user is an admin: another admin exports them in the web app');
  const head = await exportHead(ctx, user);
  await appendAuditEvent(ctx.db, actor, { action: 'user.exported', target: { type: 'user', id: userId } });
  return exportChunks(ctx.db, userId, head);
}

async function* exportChunks(db: Db, userId: string, head: Omit<UserExport, 'notifications' | 'auditEvents'>): AsyncGenerator<string> {
  // The object's members so far, without its closing brace: the two long arrays follow.
  yield `${JSON.stringify(head).slice(0, -1)},`;
  yield* jsonArrayMember('notifications', notificationPages(db, userId));
  yield ',';
  yield* jsonArrayMember('auditEvents', auditEventPages(db, userId));
  yield '}';
}

/** The bounded parts of the export: profile, consents, preferences, devices, sessions, topics, invitations, digests. */
async function exportHead(ctx: AppContext, user: UserRow): Promise<Omit<UserExport, 'notifications' | 'auditEvents'>> {
  const { db } = ctx;
  const devices = await db.pushSubscription.findMany({ where: { userId: user.id }, select: { id: true, consentAt: true }, orderBy: { createdAt: 'asc' } });
  return {
    exportedAt: new Date().toISOString(),
    user: {
      ...presentUser(user),
      updatedAt: user.updatedAt.toISOString(),
      hasPassword: user.passwordHash !== null,
      localeChosen: user.localeChosen,
      quietHours: user.quietHoursStart && user.quietHoursEnd ? { start: user.quietHoursStart, end: user.quietHoursEnd } : null,
      digestTime: user.digestTime,
    },
    consents: {
      sms: user.smsConsentAt ? { at: user.smsConsentAt.toISOString(), source: user.smsConsentSource } : null,
      whatsapp: user.whatsappConsentAt ? { at: user.whatsappConsentAt.toISOString(), source: user.whatsappConsentSource } : null,
      push: devices.map((device) => ({ deviceId: device.id, at: device.consentAt.toISOString() })),
    },
    preferences: await getPreferences(ctx, user.id),
    devices: await listPushDevices(db, user.id),
    // No current session here: nobody's cookie is exported with it.
    sessions: (await listUserSessions(db, { userId: user.id, currentSid: '' })).items,
    topicSubscriptions: (
      await db.topicSubscription.findMany({ where: { userId: user.id }, include: { topic: { select: { key: true, name: true } } }, orderBy: { createdAt: 'asc' } })
    ).map((row) => ({ topic: row.topic.key, name: row.topic.name, subscribedAt: row.createdAt.toISOString() })),
    invitations: (
      await db.invitation.findMany({ where: { OR: [{ email: user.email }, { userId: user.id }] }, select: INVITATION_SELECT, orderBy: { createdAt: 'asc' } })
    ).map((row) => {
      const { invitedBy: _sender, ...invitation } = presentInvitation(row);
      return invitation;
    }),
    digests: (await db.digestRun.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } })).map((row) => ({
      period: row.period,
      periodKey: row.periodKey,
      status: row.status,
      notificationCount: row.notificationCount,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    })),
  };
}

/** The user's notifications, oldest first (by seq), each with its deliveries and their attempts. */
async function* notificationPages(db: Db, userId: string): AsyncGenerator<UserExport['notifications']> {
  const rows = pages((after: { seq: number } | undefined) =>
    db.notification.findMany({ where: { userId, seq: { gt: after?.seq ?? 0 } }, orderBy: { seq: 'asc' }, take: GDPR_PAGE }),
  );
  for await (const page of rows) {
    const deliveries = await db.delivery.findMany({
      where: { notificationId: { in: page.map((row) => row.id) } },
      include: deliveryInclude,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const byNotification = new Map<string, typeof deliveries>();
    for (const delivery of deliveries) byNotification.set(delivery.notificationId, [...(byNotification.get(delivery.notificationId) ?? []), delivery]);
    yield page.map((row) => ({
      ...presentNotification(row),
      sendId: row.sendId,
      deliveries: (byNotification.get(row.id) ?? []).map(presentDelivery),
    }));
  }
}

/** Audit events the user made (as an admin) or that named them as their target, oldest first. */
async function* auditEventPages(db: Db, userId: string): AsyncGenerator<UserExport['auditEvents']> {
  const about = { OR: [{ actorType: 'user', actorId: userId }, { targetType: 'user', targetId: userId }] };
  const rows = pages((after: { at: Date; id: string } | undefined) =>
    db.auditEvent.findMany({
      where: after ? { AND: [about, { OR: [{ at: { gt: after.at } }, { at: after.at, id: { gt: after.id } }] }] } : about,
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      take: GDPR_PAGE,
    }),
  );
  const withheld = (event: AuditEventDto): AuditEventDto =>
    event.actor.type === 'user' && event.actor.id !== userId ? { ...event, actor: { ...event.actor, label: '' } } : event;
  for await (const page of rows) yield page.map((row) => withheld(presentAuditEvent(row)));
}
