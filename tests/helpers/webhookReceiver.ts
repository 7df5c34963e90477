import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { selfSignedCertificate } from './pushEndpoint.js';

/** One POST the receiver took. */
export interface ReceivedWebhook {
  /** The path of the endpoint URL it was sent to (`/hooks/<uuid>`). */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body, exactly as signed. */
  body: string;
  /** The status answered (0: held, never answered). */
  answered: number;
}

/**
 * One answer: a status, a status with headers (`Retry-After`) and/or a body (default `ok`, or `nope` for an
 * error status), or `hang` (no answer at all, until close).
 */
type Answer = number | { status: number; headers?: Record<string, string>; body?: string } | 'hang';

/** How the receiver answers one endpoint: each request takes the next of `statuses` (then 200). */
type Behaviour = { statuses: Answer[] };

/**
 * A local HTTPS peer for what the server POSTs to URLs it is given (outgoing webhooks, Teams webhooks): a
 * throwaway self-signed certificate, every request recorded, answers chosen per URL, and an outage on demand.
 */
export interface WebhookReceiver {
  /** The certificate (PEM, for 127.0.0.1): pass it to the server as `webhookCa`, or to a channel as `ca`. */
  ca: string;
  /** `https://127.0.0.1:<port>` */
  origin: string;
  requests: ReceivedWebhook[];
  /** A fresh endpoint URL on this receiver. */
  newUrl(): string;
  /** The next requests to `url` get these answers in turn (`hang`: no answer at all, until close), then 200. */
  respond(url: string, statuses: Answer[]): void;
  /** Resolves with the first `count` requests to `url` (received already or later); rejects after `timeoutMs`. */
  received(url: string, count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  /** An outage: stops listening (connections are refused) until `up()`, which listens on the same port again (no-op if listening). */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Checks a request's Standard Webhooks signature with the `standardwebhooks` library, as a receiver would
 * (HMAC of `id.timestamp.body`, the timestamp within 5 minutes); returns the parsed payload or throws
 * WebhookVerificationError.
 */
export function verifyWebhook(request: ReceivedWebhook, secret: string): { type: string; timestamp: string; data: Record<string, any> } {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
  return new Webhook(secret).verify(request.body, headers) as never;
}

/**
 * Starts the receiver on 127.0.0.1:0.
 *
 * @example
 * const receiver = await startWebhookReceiver();
 * const server = await getTestServer({ OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' }, { webhookCa: receiver.ca });
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const { key, cert } = await selfSignedCertificate();
  const requests: ReceivedWebhook[] = [];
  const behaviours = new Map<string, Behaviour>();
  const waiters = new Set<() => void>();
  const held = new Set<ServerResponse>();

  const server: Server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      const next = behaviours.get(path)?.statuses.shift() ?? 200;
      const answer = next === 'hang' ? { status: 0 } : typeof next === 'number' ? { status: next } : next;
      const { status } = answer;
      requests.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered: status });
      if (next === 'hang') held.add(res);
      else res.writeHead(status, { 'content-type': 'text/plain', ...answer.headers }).end(answer.body ?? (status < 300 ? 'ok' : 'nope'));
      for (const wake of [...waiters]) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `https://127.0.0.1:${port}`;
  const stop = async () => {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const pathOf = (url: string) => new URL(url).pathname;

  return {
    ca: cert,
    origin,
    requests,
    newUrl: () => `${origin}/hooks/${randomUUID()}`,
    respond: (url, statuses) => void behaviours.set(pathOf(url), { statuses: [...statuses] }),
    received: (url, count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const path = pathOf(url);
        const check = () => {
          const mine = requests.filter((r) => r.path === path);
          if (mine.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(mine.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Timed out waiting for ${count} webhook(s) at ${path}; got ${requests.filter((r) => r.path === path).length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    down: stop,
    up: async () => {
      if (!server.listening) await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: async () => {
      if (server.listening) await stop();
    },
  };
}
