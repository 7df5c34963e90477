import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import httpProxy from 'http-proxy';
import { selfSignedCertificate } from './pushEndpoint.js';

/** A TLS-terminating reverse proxy in front of a test server, like nginx or a cloud load balancer. */
export interface HttpsProxy {
  /** `https://127.0.0.1:<port>`: what a browser would have in its address bar. */
  origin: string;
  /** The proxy's self-signed certificate, for clients to trust. */
  ca: string;
  /**
   * One HTTPS request through the proxy from the local address `from` (any of 127.0.0.0/8), so each test
   * client is a distinct client address to the proxy, as separate machines would be.
   */
  request(from: string, method: string, path: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<ProxiedResponse>;
  close(): Promise<void>;
}

export interface ProxiedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/**
 * Starts http-proxy on https://127.0.0.1:0 forwarding HTTP and WebSocket to `target`, appending the client
 * address to `X-Forwarded-For` and setting `X-Forwarded-Proto: https` (`wss` for WebSocket), and keeping the
 * browser's `Host` (so the server sees the origin the browser used).
 *
 * @example
 * const proxy = await startHttpsProxy(server.url);
 * await proxy.request('127.0.0.2', 'POST', '/api/auth/login', { body: { email, password } });
 */
export async function startHttpsProxy(target: string): Promise<HttpsProxy> {
  const { key, cert } = await selfSignedCertificate();
  const proxy = httpProxy.createProxyServer({ target, xfwd: true, ws: true });
  proxy.on('error', (_err, _req, res) => {
    if ('writeHead' in res && !res.headersSent) res.writeHead(502).end();
    else res.destroy();
  });
  const server: Server = createServer({ key, cert }, (req, res) => proxy.web(req, res));
  server.on('upgrade', (req, socket, head) => proxy.ws(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `https://127.0.0.1:${port}`,
    ca: cert,
    request: (from, method, path, options = {}) =>
      new Promise((resolve, reject) => {
        const body = options.body === undefined ? undefined : JSON.stringify(options.body);
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method,
            path,
            ca: cert,
            localAddress: from,
            agent: false,
            headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...options.headers },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      proxy.close();
    },
  };
}
