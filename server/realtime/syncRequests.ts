import type { SyncReply } from '../../shared/events.js';
import { syncRequestSchema } from '../../shared/schemas/realtime.js';
import type { AppContext } from '../context.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { UNAVAILABLE_RETRY_AFTER_S, zodIssuesToDetails } from '../errors.js';
import { readInboxSync } from '../services/notifications/readInboxSync.js';
import type { IoSocket } from './socketServer.js';
import { tokenBucket } from './tokenBucket.js';

/** Requests a socket may make at once, then one more per REFILL_MS: a client asks once per gap. */
const BURST = 5;
const REFILL_MS = 2_000;

/**
 * Answers `sync.request { afterSeq }` with what the user's stream had after `afterSeq`: the same
 * replay as on connect (readInboxSync), so a client that saw a jump in `seq` fills the gap
 * without reconnecting. Payloads are validated; each socket has a token bucket (BURST, one more every
 * REFILL_MS), beyond which it gets `rate_limited` with the wait.
 *
 * @example
 * io.on('connection', (socket) => answerSyncRequests(ctx, socket));
 */
export function answerSyncRequests(ctx: AppContext, socket: IoSocket): void {
  const takeToken = tokenBucket(BURST, REFILL_MS);
  socket.on('sync.request', (request, ack) => {
    if (typeof ack !== 'function') return; // nobody to answer: the client did not ask for a reply
    const waitMs = takeToken();
    if (waitMs > 0) {
      ack({ ok: false, error: { code: 'rate_limited', message: 'Too many sync requests on this connection', retryAfterMs: waitMs } });
      return;
    }
    const parsed = syncRequestSchema.safeParse(request);
    if (!parsed.success) {
      ack({ ok: false, error: { code: 'validation_failed', message: 'Invalid sync.request payload', details: zodIssuesToDetails(parsed.error.issues) } });
      return;
    }
    replay(ctx, socket.data.userId, parsed.data.afterSeq).then(ack, (err: unknown) => {
      if (isDatabaseUnavailable(err)) {
        ack({ ok: false, error: { code: 'service_unavailable', message: 'Database unreachable', retryAfterMs: UNAVAILABLE_RETRY_AFTER_S * 1000 } });
        return;
      }
      ctx.log.error({ err, userId: socket.data.userId }, 'sync.request failed');
      ack({ ok: false, error: { code: 'internal_error', message: 'Something went wrong on our side' } });
    });
  });
}

async function replay(ctx: AppContext, userId: string, afterSeq: number): Promise<SyncReply> {
  const { latestSeq, missed, counts } = await readInboxSync(ctx.raw, userId, afterSeq);
  if (missed) ctx.metrics.replayServed('sync_request', missed.kind, missed.kind === 'replay' ? missed.items.length : 0);
  return missed?.kind === 'replay'
    ? { ok: true, kind: 'replay', latestSeq, items: missed.items, counts }
    : { ok: true, kind: 'reset', latestSeq, counts };
}
