import type { AppContext } from '../../context.js';
import { HttpError } from '../../errors.js';
import { retryDelayMs, type RetryPolicy } from '../../jobs/backoff.js';
import type { Lease } from '../../jobs/leases.js';
import { resolveRecipients } from '../notifications/resolveRecipients.js';
import { deliverSend } from './deliverSend.js';
import { specFromColumns } from './sendSpec.js';

/** After this many failed attempts a scheduled send is marked failed (visible in the history). */
const MAX_ATTEMPTS = 5;
/** Retries after 2, 4, 8, 16 s (exact: scheduled sends are few, no herd to spread). */
const SEND_RETRY: RetryPolicy = { baseMs: 2000, maxMs: 60_000, jitter: false };

/** Failures a retry cannot cure: the stored templates render too much (or not at all) for this audience. */
const PERMANENT_CODES = new Set(['template_output_too_large', 'template_renders_empty', 'template_error']);

/** `message: detail` for the send's lastError, so the history says which field and why. */
function describeFailure(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const detail = err instanceof HttpError ? err.details?.[0] : undefined;
  return detail ? `${err.message} (${detail.path}: ${detail.message})` : err.message;
}

/**
 * Delivers one claimed scheduled send: recipients are resolved now (a topic reaches its subscribers of
 * the moment). A failure records the retry time in `leaseUntil` (SEND_RETRY, growing with each attempt) until
 * MAX_ATTEMPTS marks it failed. A recipient whose rendering is over its budget (checked again here: the
 * audience may have changed since it was accepted) is skipped and named in lastError, the others get it
 * (see renderSend); only when that is every recipient does the send fail, at once.
 */
export async function releaseSend(ctx: AppContext, claim: Lease): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
  const send = await ctx.db.send.findUnique({ where: { id: claim.id } });
  if (!send || send.status !== 'processing') return 'skipped';
  try {
    const spec = specFromColumns(send);
    const recipients = await resolveRecipients(ctx, spec.to, { skipUnknown: true });
    await deliverSend(ctx, { spec, recipients, target: { kind: 'claimed', sendId: send.id, claimedBy: claim.claimedBy } });
    return 'sent';
  } catch (err) {
    const message = describeFailure(err);
    const failed = send.attempts >= MAX_ATTEMPTS || (err instanceof HttpError && PERMANENT_CODES.has(err.code));
    ctx.log.warn({ err, sendId: send.id, attempt: send.attempts }, failed ? 'Scheduled send failed for good' : 'Scheduled send failed; will retry');
    const retryAt = new Date(Date.now() + retryDelayMs(send.attempts, SEND_RETRY));
    await ctx.db.send.updateMany({
      where: { id: send.id, status: 'processing', claimedBy: claim.claimedBy },
      data: failed ? { status: 'failed', lastError: message, leaseUntil: null, claimedBy: null } : { lastError: message, leaseUntil: retryAt, claimedBy: null },
    });
    return failed ? 'failed' : 'retry';
  }
}
