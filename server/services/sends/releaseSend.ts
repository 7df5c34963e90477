import type { AppContext } from '../../context.js';
import { resolveRecipients } from '../notifications/resolveRecipients.js';
import { deliverSend } from './deliverSend.js';
import { specFromColumns } from './sendSpec.js';

/** After this many failed attempts a scheduled send is marked failed (visible in the history). */
const MAX_ATTEMPTS = 5;

/**
 * Delivers one claimed scheduled send: recipients are resolved now (a topic reaches its subscribers of
 * the moment). A failure keeps the claim's lease as the retry time, growing with each attempt, until
 * MAX_ATTEMPTS marks it failed.
 */
export async function releaseSend(ctx: AppContext, claim: { id: string; leaseUntil: Date }): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
  const send = await ctx.db.send.findUnique({ where: { id: claim.id } });
  if (!send || send.status !== 'processing') return 'skipped';
  try {
    const spec = specFromColumns(send);
    const recipients = await resolveRecipients(ctx.db, spec.to, { skipUnknown: true });
    await deliverSend(ctx, { spec, recipients, target: { kind: 'claimed', sendId: send.id, leaseUntil: claim.leaseUntil } });
    return 'sent';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const failed = send.attempts >= MAX_ATTEMPTS;
    ctx.log.warn({ err, sendId: send.id, attempt: send.attempts }, failed ? 'Scheduled send failed for good' : 'Scheduled send failed; will retry');
    const retryAt = new Date(Date.now() + Math.min(2 ** send.attempts * 1000, 60_000));
    await ctx.db.send.updateMany({
      where: { id: send.id, status: 'processing', leaseUntil: claim.leaseUntil },
      data: failed ? { status: 'failed', lastError: message, leaseUntil: null } : { lastError: message, leaseUntil: retryAt },
    });
    return failed ? 'failed' : 'retry';
  }
}
