import { request, type Agent } from 'node:https';
import { retryAfterMs } from '../outbound/retryAfter.js';

/**
 * How a webhook POST ended: the endpoint's HTTP status (with its `Retry-After` in ms on a 429 or 503 that
 * gave one), or no answer (`status` null) and why.
 */
export type WebhookPostResult = { status: number; retryAfterMs?: number } | { status: null; error: string };

/** What postWebhook sends with: the outbound agent (the SSRF guard) and how long the endpoint may take, in ms. */
export interface WebhookTransport {
  agent: Agent;
  timeoutMs: number;
}

// What is kept of an endpoint's answer: the status decides; the body is read (to free the socket) and dropped.
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs `body` (JSON) with `headers` to `url` through the outbound agent (connections to private
 * addresses refused at connect time), giving the endpoint `timeoutMs` in all (connect, answer, body).
 * Never throws: a refused connection, a blocked address or a timeout is `{ status: null, error }`.
 */
export function postWebhook(url: URL, headers: Record<string, string>, body: string, transport: WebhookTransport): Promise<WebhookPostResult> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: transport.agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'FlashNotify-Webhooks' },
        signal: AbortSignal.timeout(transport.timeoutMs),
      },
      (res) => {
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_ANSWER_BYTES) res.destroy();
        });
        const status = res.statusCode ?? 0;
        const wait = status === 429 || status === 503 ? retryAfterMs(res.headers['retry-after']) : undefined;
        res.on('close', () => resolve(wait === undefined ? { status } : { status, retryAfterMs: wait }));
        res.on('error', () => {}); // the status is already known; 'close' follows
      },
    );
    req.on('error', (err: Error) =>
      resolve({ status: null, error: err.name === 'AbortError' || err.name === 'TimeoutError' ? `No answer within ${transport.timeoutMs} ms` : err.message }),
    );
    req.end(body);
  });
}
