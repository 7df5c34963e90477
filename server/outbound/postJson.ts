import { request, type Agent } from 'node:https';
import { OutboundBlockedError } from './outboundAgent.js';
import { retryAfterMs } from './retryAfter.js';

/**
 * How a POST ended: the peer's HTTP status, the start of its answer's body (`text`, up to ANSWER_TEXT_MAX
 * characters: some peers put their verdict there) and, on a 429 or 503 that gave one, its `Retry-After` in
 * ms; or no answer (`status` null), why, and whether the outbound agent refused the address (`blocked`).
 */
export type OutboundPostResult = { status: number; text: string; retryAfterMs?: number } | { status: null; error: string; blocked: boolean };

/** What postJson sends with: the outbound agent (the SSRF guard) and how long the peer may take, in ms. */
export interface OutboundTransport {
  agent: Agent;
  timeoutMs: number;
}

// What is read of an answer: enough to free the socket; more is cut off (the connection is dropped).
const MAX_ANSWER_BYTES = 64 * 1024;
// What is kept of it for the caller: a verdict line, not a page.
const ANSWER_TEXT_MAX = 1024;

/**
 * POSTs `body` (JSON) with `headers` (a `user-agent` naming the feature) to `url` through the outbound agent
 * (connections to private addresses refused at connect time), giving the peer `timeoutMs` in all (connect,
 * answer, body). Shared by outgoing webhooks and the Teams channel. Never throws: a refused connection, a
 * blocked address or a timeout is `{ status: null, error }`.
 *
 * @example
 * const result = await postJson(url, { 'user-agent': 'FlashNotify-Teams' }, JSON.stringify(card), { agent, timeoutMs: 10_000 });
 */
export function postJson(url: URL, headers: Record<string, string>, body: string, transport: OutboundTransport): Promise<OutboundPostResult> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: transport.agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(transport.timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_ANSWER_BYTES) res.destroy();
          else chunks.push(chunk);
        });
        const status = res.statusCode ?? 0;
        const wait = status === 429 || status === 503 ? retryAfterMs(res.headers['retry-after']) : undefined;
        res.on('close', () => {
          const text = Buffer.concat(chunks).toString('utf8').slice(0, ANSWER_TEXT_MAX);
          resolve(wait === undefined ? { status, text } : { status, text, retryAfterMs: wait });
        });
        res.on('error', () => {}); // the status is already known; 'close' follows
      },
    );
    req.on('error', (err: Error) =>
      resolve({
        status: null,
        error: err.name === 'AbortError' || err.name === 'TimeoutError' ? `No answer within ${transport.timeoutMs} ms` : err.message,
        blocked: err instanceof OutboundBlockedError,
      }),
    );
    req.end(body);
  });
}
