import type { Request, Response } from 'express';
import { createNotificationSchema } from '../../shared/schemas/notification.js';
import { idempotencyHeaderSchema } from '../../shared/schemas/sends.js';
import type { AppContext } from '../context.js';
import { auditActor } from '../middleware/auditActor.js';
import { parseInput } from '../middleware/validate.js';
import type { IdempotencyClaim } from '../services/idempotency/idempotencyClaim.js';
import { runIdempotent, type StoredAnswer } from '../services/idempotency/runIdempotent.js';
import { createSend } from '../services/sends/createSend.js';
import type { SendSender } from '../services/sends/sendSpec.js';

/**
 * `POST /api/v1/notifications` and `POST /api/admin/sends`: validates, sends, answers 202. With an
 * `Idempotency-Key` header the answer is stored with the send under `scope` (the API key, or the admin
 * user), and a retry gets it back with `Idempotent-Replayed: true`.
 */
export async function sendOnce(ctx: AppContext, req: Request, res: Response, { scope, sender }: { scope: string; sender: SendSender }): Promise<void> {
  const { 'Idempotency-Key': key } = parseInput(idempotencyHeaderSchema, { 'Idempotency-Key': req.get('Idempotency-Key') }, 'headers');
  const send = async (claim?: IdempotencyClaim): Promise<StoredAnswer> => {
    // Parsed in here: an invalid body is a failure, and failures do not use up the key.
    const input = parseInput(createNotificationSchema, req.body, 'request body');
    const body = await createSend(ctx, {
      input,
      sender,
      actor: auditActor(req, res),
      onScheduled: ctx.scheduler.wake,
      ...(claim && { idempotency: claim }),
    });
    return { status: 202, body };
  };
  const result = key ? await runIdempotent(ctx.db, { scope, key, body: req.body as unknown }, send) : { ...(await send()), replayed: false };
  if (result.replayed) res.set('Idempotent-Replayed', 'true');
  res.status(result.status).json(result.body);
}
