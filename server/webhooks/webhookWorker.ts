import type { AppContext } from '../context.js';
import type { JobLoop } from '../jobs/jobLoop.js';
import { startLeasedWorker } from '../jobs/leasedWorker.js';
import { createOutboundAgent } from '../outbound/outboundAgent.js';
import { claimDueWebhookMessages, webhookLeaseMs } from '../services/webhooks/claimDueWebhookMessages.js';
import { processWebhookMessage } from '../services/webhooks/processWebhookMessage.js';

/** Extra trust for the webhook worker's TLS connections: tests pass their receiver's self-signed certificate. */
export interface WebhookWorkerOptions {
  ca?: string;
}

/**
 * Sends the webhook outbox on the job engine (startLeasedWorker): claims due messages with a lease, sends up
 * to WEBHOOK_CONCURRENCY at once through the outbound agent (no private addresses unless
 * OUTBOUND_ALLOWED_HOSTS lists them), polls every WEBHOOK_INTERVAL_MS. `stop()` lets the sends in flight
 * finish and record their outcome, then closes the agent's idle connections.
 */
export function startWebhookWorker(ctx: AppContext, options: WebhookWorkerOptions = {}): JobLoop {
  const { intervalMs, concurrency, timeoutMs } = ctx.config.webhooks;
  const agent = createOutboundAgent(ctx.config.outbound, { keepAlive: true, ...(options.ca ? { ca: options.ca } : {}) });
  const worker = startLeasedWorker(ctx, {
    table: 'WebhookMessage',
    intervalMs,
    leaseMs: webhookLeaseMs(ctx),
    concurrency,
    heartbeat: { runState: ctx.runState, loop: 'webhooks' },
    claim: (limit) => claimDueWebhookMessages(ctx, limit),
    process: (claim) => processWebhookMessage(ctx, { agent, timeoutMs }, claim),
    onError: (err) => ctx.log.error({ err }, 'Claiming webhook messages failed'),
    onProcessError: (err, claim) => ctx.log.error({ err, webhookMessageId: claim.id }, 'Webhook processing failed'),
  });
  return {
    wake: worker.wake,
    stop: async () => {
      await worker.stop();
      agent.destroy();
    },
  };
}
