import { Router } from 'express';
import { z } from 'zod';
import { EXTERNAL_CHANNEL_NAMES, updateChannelSchema, type ChannelStatusDto } from '../../../shared/schemas/delivery.js';
import type { AppContext } from '../../context.js';
import { auditActor } from '../../middleware/auditActor.js';
import { noQuery } from '../../middleware/noQuery.js';
import { parseInput } from '../../middleware/validate.js';
import { listChannelStatuses } from '../../services/deliveries/listChannelStatuses.js';
import { setChannelEnabled } from '../../services/deliveries/setChannelEnabled.js';

const channelParamsSchema = z.strictObject({ channel: z.enum(EXTERNAL_CHANNEL_NAMES) });

/** `/api/admin/channels`: per external channel its runtime switch, provider, circuit breaker and counts. */
export function adminChannelsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', noQuery, async (_req, res) => {
    const body: { items: ChannelStatusDto[] } = { items: await listChannelStatuses(ctx) };
    res.json(body);
  });

  router.patch('/:channel', noQuery, async (req, res) => {
    const { channel } = parseInput(channelParamsSchema, req.params, 'path');
    const { enabled } = parseInput(updateChannelSchema, req.body, 'request body');
    res.json(await setChannelEnabled(ctx, { channel, enabled, actor: auditActor(req, res) }));
  });

  return router;
}
