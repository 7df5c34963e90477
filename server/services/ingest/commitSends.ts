import { randomUUID } from 'node:crypto';
import type { InboxCounts } from '../../../shared/schemas/notification.js';
import type { ExternalChannel } from '../../channels/types.js';
import type { SqlRunner } from '../../db/rawDatabase.js';
import { routeNotification, type RecipientPolicy, type RoutingDecision } from '../../delivery/routeNotification.js';
import { HttpError } from '../../errors.js';
import { timeOrderedId } from '../../timeOrderedId.js';
import { groupPreferenceRows, NO_PREFERENCES } from '../../preferences/effectivePreference.js';
import type { StoredAnswer } from '../idempotency/runIdempotent.js';
import { KeyTakenError } from '../idempotency/idempotencyClaim.js';
import type { CategoryRouting } from '../categories/categoryCache.js';
import type { NotificationRow } from '../../presenters/notification.js';
import type { SendSender, SendSpec } from '../sends/sendSpec.js';
import { actionsColumn, specToColumns } from '../sends/sendSpec.js';
import { auditEventColumns, type AuditActor, type AuditEntry } from '../audit/appendAuditEvent.js';
import {
  insertAuditEvents,
  insertDeliveryRows,
  insertIdempotencyRecords,
  insertNotificationRows,
  insertSends,
  insertWebhookMessages,
  liveClaims,
  loadRecipientPolicyRows,
  loadExternalIds,
  loadWebhookSubscribers,
  lockExistingUsers,
  markClaimedSent,
  reserveSeqs,
  type DeliveryInsert,
  type SeqReservation,
  type NotificationInsert,
  type IdempotencyRecordRow,
} from './sendStatements.js';
import { countInboxRows } from '../notifications/inboxStatements.js';
import { webhookMessageRows, type NewWebhookMessage, type WebhookSubscriber } from '../../webhooks/webhookMessages.js';

export type SendTarget =
  /** A new send that goes out now: the Send row is created in the same transaction. */
  | { kind: 'new'; sender: SendSender }
  /** A scheduled send claimed by the scheduler; delivered only if this claim still holds it. */
  | { kind: 'claimed'; sendId: string; claimedBy: string };

/** One send, rendered and ready: everything that can be done outside the writer has been. */
export interface SendCommit {
  sendId: string;
  target: SendTarget;
  spec: SendSpec;
  /** Read from the category cache just before (see CategoryCache). */
  category: CategoryRouting;
  /** External channels the admins have switched on, read just before. */
  enabledChannels: ReadonlySet<ExternalChannel>;
  sentAt: Date;
  /** One per recipient, in order: the rendered title and body. */
  notifications: { id: string; userId: string; title: string; body: string }[];
  /** Who was skipped and why (null when nobody was): stored on the Send. */
  lastError: string | null;
  /** The Idempotency-Key's record, committed with the send or not at all. */
  idempotency?: { scope: string; key: string; requestHash: string; answer: StoredAnswer };
  /** The creating request's W3C traceparent (tracing on), stored on a new Send for its deliveries' spans to link to. */
  traceParent?: string | null;
  /** The audit event this send commits with (a new send's `send.created`): it exists exactly when the send does. */
  audit?: { actor: AuditActor; entry: AuditEntry };
}

/** A committed notification as the emit after commit needs it. */
export type NewNotificationRow = NotificationRow & { userId: string; digest: string | null };

export type CommitOutcome =
  | {
      ok: true;
      rows: NewNotificationRow[];
      /** External deliveries written (the worker is woken when > 0). */
      deliveries: number;
      /**
       * Recipients' counts after the whole batch, with the version they belong to: those of the batch's
       * users CommitOptions.countsWanted chose (its other sends' recipients may be among them).
       */
      counts: ReadonlyMap<string, InboxCounts>;
    }
  | { ok: false; error: Error };

const claimLost = () => new HttpError(409, 'send_claim_lost', 'The send was cancelled or claimed by another worker');
const recipientsChanged = () =>
  // Deleted since they were resolved: the answer (and any stored for an Idempotency-Key) would name a
  // notification that does not exist. Nothing of this send commits; a retry resolves the recipients again.
  new HttpError(409, 'recipients_changed', 'A recipient was deleted during the send; nothing was sent, retry the request');

/** How commitSends counts. */
export interface CommitOptions {
  /**
   * Whose counts the emit after commit will need (default: everyone's). Counting reads every row of a
   * recipient's inbox; a user with no socket on this node is told nothing, and catches up (counts
   * included) when they connect, so a broadcast counts only the connected.
   */
  countsWanted?: (userId: string) => boolean;
}

/**
 * Commits a batch of sends in the caller's ONE transaction (group commit, see SendWriter): each send
 * commits whole or not at all, and a send that cannot (its claim was lost, a recipient was deleted, its
 * Idempotency-Key was taken meanwhile) is left out without failing the others. Set-wise, whatever the
 * batch size: the checks first (so nothing needs undoing), then per-user seq reservation, routing
 * (contacts, devices, preferences: one query each for the batch), the notification and delivery rows,
 * and the recipients' counts. Returns one outcome per send, in order.
 *
 * Seqs: a user's notifications in this batch take consecutive seqs in batch order, after every seq
 * committed before (the user's row is locked on PostgreSQL; SQLite has one writer).
 */
export async function commitSends(sql: SqlRunner, sends: readonly SendCommit[], options: CommitOptions = {}): Promise<CommitOutcome[]> {
  const failed = new Map<SendCommit, Error>();

  const claims = sends.flatMap((s) => (s.target.kind === 'claimed' ? [{ sendId: s.target.sendId, claimedBy: s.target.claimedBy }] : []));
  if (claims.length > 0) {
    const live = await liveClaims(sql, claims);
    for (const s of sends) if (s.target.kind === 'claimed' && !live.has(s.target.sendId)) failed.set(s, claimLost());
  }

  const existing = await lockExistingUsers(sql, [...new Set(sends.flatMap((s) => s.notifications.map((n) => n.userId)))]);
  for (const s of sends) {
    if (!failed.has(s) && s.notifications.some((n) => !existing.has(n.userId))) failed.set(s, recipientsChanged());
  }

  const records = new Map<SendCommit, IdempotencyRecordRow>();
  for (const s of sends) {
    if (failed.has(s) || !s.idempotency) continue;
    const { scope, key, requestHash, answer } = s.idempotency;
    records.set(s, { id: randomUUID(), scope, key, requestHash, responseStatus: answer.status, responseBody: JSON.stringify(answer.body), createdAt: s.sentAt });
  }
  if (records.size > 0) {
    const inserted = await insertIdempotencyRecords(sql, [...records.values()]);
    // Taken by a request that committed first (or by an earlier send of this batch): its answer is replayed.
    for (const [s, record] of records) if (!inserted.has(record.id)) failed.set(s, new KeyTakenError());
  }

  const ok = sends.filter((s) => !failed.has(s));
  const wanted = new Map<string, number>();
  for (const s of ok) for (const n of s.notifications) wanted.set(n.userId, (wanted.get(n.userId) ?? 0) + 1);
  const reserved = await reserveSeqs(sql, wanted);
  // The next seq each user's next notification in this batch takes.
  const nextSeq = new Map([...reserved].map(([id, r]) => [id, r.seq - wanted.get(id)! + 1]));

  await insertSends(
    sql,
    ok.flatMap((s) => {
      if (s.target.kind !== 'new') return [];
      const columns = specToColumns(s.spec);
      return [{ ...columns, id: s.sendId, apiKeyId: s.target.sender.apiKeyId ?? null, createdById: s.target.sender.userId ?? null, sentAt: s.sentAt, recipientCount: s.notifications.length, lastError: s.lastError, traceParent: s.traceParent ?? null }];
    }),
  );
  await insertAuditEvents(
    sql,
    ok.flatMap((s) => (s.audit ? [{ id: timeOrderedId(), at: s.sentAt, ...auditEventColumns(s.audit.actor, s.audit.entry) }] : [])),
  );
  for (const s of ok) {
    if (s.target.kind === 'claimed') await markClaimedSent(sql, { id: s.sendId, sentAt: s.sentAt, recipientCount: s.notifications.length, lastError: s.lastError });
  }

  const policies = await loadPolicies(sql, reserved);
  const rowsBySend = new Map<SendCommit, NotificationInsert[]>();
  const deliveries: DeliveryInsert[] = [];
  const deliveriesBySend = new Map<SendCommit, number>();
  for (const s of ok) {
    const data = s.spec.data ? JSON.stringify(s.spec.data) : null;
    // Serialized once per send, not per recipient. The category's icon is the fallback as it is now.
    const icon = s.spec.icon ?? s.category.icon;
    const actions = actionsColumn(s.spec.actions);
    const rows: NotificationInsert[] = [];
    const route = routerFor(s);
    for (const n of s.notifications) {
      const decision = route(policies.get(n.userId));
      const seq = nextSeq.get(n.userId)!;
      nextSeq.set(n.userId, seq + 1);
      // In-app turned off by the user: stored (its deliveries need it; the seq stays contiguous), but
      // archived and read, so it never shows as new.
      const hidden = decision?.inApp === false ? s.sentAt : null;
      rows.push({
        id: n.id,
        userId: n.userId,
        title: n.title,
        body: n.body,
        sendId: s.sendId,
        seq,
        category: s.spec.category,
        priority: s.spec.priority,
        actionUrl: s.spec.actionUrl,
        icon,
        actions,
        actedActionId: null,
        actedAt: null,
        data,
        createdAt: s.sentAt,
        seenAt: hidden,
        readAt: hidden,
        archivedAt: hidden,
        digest: decision?.digest ?? null,
      });
      for (const planned of decision?.external ?? []) {
        deliveries.push({
          id: timeOrderedId(),
          notificationId: n.id,
          userId: n.userId,
          channel: planned.channel,
          nextAttemptAt: planned.dueAt,
          escalationStep: planned.escalationStep,
          deferredReason: planned.deferredReason,
          createdAt: s.sentAt,
        });
        deliveriesBySend.set(s, (deliveriesBySend.get(s) ?? 0) + 1);
      }
    }
    rowsBySend.set(s, rows);
  }
  await insertNotificationRows(
    sql,
    ok.flatMap((s) => rowsBySend.get(s)!),
  );
  await insertDeliveryRows(sql, deliveries);
  const subscribers = await loadWebhookSubscribers(sql);
  if (subscribers.length > 0) {
    const externalIds = await loadExternalIds(sql, [...reserved.keys()]);
    await insertWebhookMessages(sql, webhookEvents(ok, rowsBySend, subscribers, externalIds));
  }

  const { countsWanted } = options;
  const counted = await countInboxRows(sql, countsWanted ? [...reserved.keys()].filter(countsWanted) : [...reserved.keys()]);
  const counts = new Map([...counted].map(([id, c]) => [id, { ...c, version: reserved.get(id)!.version }]));

  return sends.map((s) => {
    const error = failed.get(s);
    if (error) return { ok: false, error };
    const rows = rowsBySend.get(s)!;
    return { ok: true, rows, deliveries: deliveriesBySend.get(s) ?? 0, counts };
  });
}

/**
 * The webhook outbox rows of a batch, committed with it: a `notification.created` per notification and a
 * `send.completed` per send (its notifications are all created: this commit), for the endpoints that take
 * them; each notification names its user by id and by the host app's `externalId` (`userExternalId`).
 */
function webhookEvents(
  sends: readonly SendCommit[],
  rowsBySend: ReadonlyMap<SendCommit, NotificationInsert[]>,
  subscribers: readonly WebhookSubscriber[],
  externalIds: ReadonlyMap<string, string | null>,
): NewWebhookMessage[] {
  const messages: NewWebhookMessage[] = [];
  for (const s of sends) {
    const rows = rowsBySend.get(s)!;
    for (const n of rows) {
      const notification = { id: n.id, userId: n.userId, userExternalId: externalIds.get(n.userId) ?? null, sendId: s.sendId, category: n.category, priority: n.priority, title: n.title, body: n.body, actionUrl: n.actionUrl, createdAt: s.sentAt.toISOString() };
      messages.push(...webhookMessageRows(subscribers, 'notification.created', { notification }, s.sentAt));
    }
    const send = { id: s.sendId, category: s.spec.category, priority: s.spec.priority, recipientCount: rows.length, sentAt: s.sentAt.toISOString() };
    messages.push(...webhookMessageRows(subscribers, 'send.completed', { send }, s.sentAt));
  }
  return messages;
}

/**
 * Routing for the recipients of one send (undefined for a user without a row: cannot happen after the
 * lock). A recipient with no preference rows and no quiet hours is routed by the category's defaults and
 * how they can be reached alone (routeNotification reads nothing else of them), so the decision is made
 * once per send for each of the 32 ways of being reachable: a broadcast to 100,000 users routed each one.
 */
function routerFor(send: SendCommit): (recipient: RecipientPolicy | undefined) => RoutingDecision | undefined {
  const route = (recipient: RecipientPolicy) =>
    routeNotification({
      category: send.category,
      priority: send.spec.priority,
      overrides: send.spec.channels,
      enabledChannels: send.enabledChannels,
      recipient,
      now: send.sentAt,
    });
  const byReach = new Map<number, RoutingDecision>();
  return (recipient) => {
    if (!recipient) return undefined;
    if (recipient.preferences !== NO_PREFERENCES || recipient.quietHours) return route(recipient);
    // The facts unreachableReason reads: an email; a phone with SMS consent; a push device; a Teams URL; a phone with WhatsApp consent.
    const reach =
      (recipient.email ? 1 : 0) |
      (recipient.phone && recipient.smsConsentAt ? 2 : 0) |
      (recipient.pushDevices > 0 ? 4 : 0) |
      (recipient.teamsWebhookUrl ? 8 : 0) |
      (recipient.phone && recipient.whatsappConsentAt ? 16 : 0);
    let decision = byReach.get(reach);
    if (!decision) byReach.set(reach, (decision = route(recipient)));
    return decision;
  };
}

/** Everything routing needs about many recipients, read inside the batch's transaction. */
async function loadPolicies(sql: SqlRunner, reserved: ReadonlyMap<string, SeqReservation>): Promise<Map<string, RecipientPolicy>> {
  const policies = new Map<string, RecipientPolicy>();
  if (reserved.size === 0) return policies;
  const { devices, preferences } = await loadRecipientPolicyRows(sql, [...reserved.keys()]);
  const rowsByUser = new Map<string, { category: string; channel: string; enabled: boolean | null; emailDigest: string | null }[]>();
  for (const row of preferences) {
    // SQLite has no boolean: 0/1.
    const enabled = row.enabled === null ? null : Boolean(row.enabled);
    let list = rowsByUser.get(row.userId);
    if (!list) rowsByUser.set(row.userId, (list = []));
    list.push({ category: row.category, channel: row.channel, enabled, emailDigest: row.emailDigest });
  }
  for (const [id, u] of reserved) {
    const rows = rowsByUser.get(id);
    policies.set(id, {
      email: u.email,
      phone: u.phone,
      smsConsentAt: u.smsConsentAt === null ? null : new Date(u.smsConsentAt),
      whatsappConsentAt: u.whatsappConsentAt === null ? null : new Date(u.whatsappConsentAt),
      pushDevices: devices.get(id) ?? 0,
      teamsWebhookUrl: u.teamsWebhookUrl,
      preferences: rows ? groupPreferenceRows(rows) : NO_PREFERENCES,
      quietHours: u.quietHoursStart && u.quietHoursEnd ? { start: u.quietHoursStart, end: u.quietHoursEnd } : null,
      timezone: u.timezone,
    });
  }
  return policies;
}
