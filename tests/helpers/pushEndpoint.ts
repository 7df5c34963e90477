import { execFile } from 'node:child_process';
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ece from 'http_ece';

const run = promisify(execFile);

/** One request the push endpoint received. */
export interface PushRequest {
  method: string;
  /** Path of the subscription endpoint, e.g. `/push/<uuid>`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  receivedAt: number;
}

/** A local push service: HTTPS with a throwaway self-signed certificate, recording every request. */
export interface PushEndpoint {
  /** `https://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** The certificate (PEM, valid for 127.0.0.1 and localhost); pass it to `createWebPushChannel(deps, { ca })`. */
  ca: string;
  requests: PushRequest[];
  /** TCP connections accepted so far (a refused outbound call must not add one). */
  connections(): number;
  /** A fresh subscription URL on this endpoint; `host` defaults to 127.0.0.1. */
  newEndpointUrl(host?: string): string;
  /** Answers requests to `endpointUrl` with `status` from now on (default 201). */
  respondWith(endpointUrl: string, status: number): void;
  /**
   * Answers 413 to every request whose (encrypted) body is larger than `bytes`, as push services with a
   * smaller limit do; `undefined` lifts the limit.
   */
  rejectLargerThan(bytes: number | undefined): void;
  /**
   * From now on, answers nothing until `release()`: requests pile up "in flight", which is how a test
   * sees how many calls a sender makes at once (`peakHeld`, counted when each request arrives).
   */
  hold(): void;
  /** Requests received and not answered yet (while holding). */
  held(): number;
  /** The most requests held at once since `hold()`. */
  peakHeld(): number;
  /** Answers the oldest `count` held requests (201, or `respondWith`'s status); `Infinity` also stops holding. */
  release(count: number): void;
  /** Resolves once `count` requests in all have been received. */
  receivedCount(count: number): Promise<void>;
  /** Resolves with the first request (already received or future) to `endpointUrl`. */
  nextRequest(endpointUrl: string, sinceIndex?: number): Promise<PushRequest>;
  close(): Promise<void>;
}

/**
 * Starts the push endpoint on 127.0.0.1:0. The certificate is made by `openssl` in a temp dir that is
 * deleted again at once (the key stays in memory).
 *
 * @example
 * const endpoint = await startPushEndpoint();
 * const channel = await createWebPushChannel(server.ctx, { ca: endpoint.ca });
 */
export async function startPushEndpoint(): Promise<PushEndpoint> {
  const { key, cert } = await selfSignedCertificate();
  const statuses = new Map<string, number>();
  const requests: PushRequest[] = [];
  const waiters: { path: string; since: number; resolve: (req: PushRequest) => void }[] = [];
  let messages = 0;
  let connections = 0;
  let sizeLimit: number | undefined;
  let holding = false;
  let peakHeld = 0;
  const heldAnswers: (() => void)[] = [];
  const countWaiters: { count: number; resolve: () => void }[] = [];

  const server: Server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const record: PushRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
        receivedAt: Date.now(),
      };
      requests.push(record);
      const answer = () => {
        const tooLarge = sizeLimit !== undefined && record.body.length > sizeLimit;
        const status = tooLarge ? 413 : (statuses.get(record.path) ?? 201);
        // Real push services answer 201 with the message's URL (RFC 8030 §5).
        if (status === 201) res.setHeader('location', `${origin}/messages/${++messages}`);
        res.writeHead(status).end(status === 201 ? '' : `status ${status}`);
      };
      if (holding) {
        heldAnswers.push(answer);
        peakHeld = Math.max(peakHeld, heldAnswers.length);
      } else {
        answer();
      }
      for (const waiter of countWaiters.filter((w) => requests.length >= w.count)) {
        countWaiters.splice(countWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      for (const waiter of waiters.filter((w) => w.path === record.path && requests.length > w.since)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(record);
      }
    });
  });
  // Raw TCP accepts, before TLS: what "no connection reached the peer" is measured by.
  server.on('connection', () => void connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `https://127.0.0.1:${port}`;
  const pathOf = (url: string) => new URL(url).pathname;

  return {
    origin,
    port,
    ca: cert,
    requests,
    connections: () => connections,
    newEndpointUrl: (host = '127.0.0.1') => `https://${host}:${port}/push/${randomUUID()}`,
    respondWith: (url, status) => void statuses.set(pathOf(url), status),
    rejectLargerThan: (bytes) => void (sizeLimit = bytes),
    hold: () => {
      holding = true;
      peakHeld = 0;
    },
    held: () => heldAnswers.length,
    peakHeld: () => peakHeld,
    release: (count) => {
      if (count === Infinity) holding = false;
      for (const answer of heldAnswers.splice(0, count)) answer();
    },
    receivedCount: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise<void>((resolve) => countWaiters.push({ count, resolve })),
    nextRequest: (url, sinceIndex = 0) => {
      const found = requests.slice(sinceIndex).find((r) => r.path === pathOf(url));
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ path: pathOf(url), since: sinceIndex, resolve }));
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A browser-side subscription: keys as `PushSubscription.toJSON()` has them, and the matching decryption. */
export interface TestSubscription {
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  /** Decrypts an `aes128gcm` request body as the browser would, to the payload text. */
  decrypt(body: Buffer): string;
}

/**
 * Makes the keys a browser makes when it subscribes: a P-256 key pair and a 16-byte auth secret.
 *
 * @example
 * const device = createTestSubscription(endpoint.newEndpointUrl());
 * JSON.parse(device.decrypt(request.body));
 */
export function createTestSubscription(endpointUrl: string): TestSubscription {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return {
    subscription: {
      endpoint: endpointUrl,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') },
    },
    decrypt: (body) => ece.decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret }).toString('utf8'),
  };
}

/** A throwaway self-signed certificate for 127.0.0.1, made with `openssl` (the key stays in memory). */
export async function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'flashnotify-push-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    await run('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', keyFile, '-out', certFile, '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ]);
    return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
