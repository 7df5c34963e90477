import { get } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Issue 8, item 14: static files compressed, hashed assets cached for a year, entry points revalidated,
// and no source maps published in production. A small build-like directory stands in for dist/client.

const appJs = `export function greet(name) { return 'Hello, ' + name; }\n`.repeat(200); // ~11 KB, compressible
let distDir: string;
let server: TestServer;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET with an explicit Accept-Encoding, body as sent (fetch would decompress it behind our back). */
function rawGet(urlPath: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(`${server.url}${urlPath}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-dist-'));
  await mkdir(path.join(distDir, 'assets'));
  await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>FlashNotify</title><div id="root"></div>');
  await writeFile(path.join(distDir, 'sw.js'), "self.addEventListener('push', () => {});\n".repeat(40));
  await writeFile(path.join(distDir, 'assets', 'index-Bx7f3k9Q.js'), appJs);
  await writeFile(path.join(distDir, 'assets', 'index-Bx7f3k9Q.js.map'), JSON.stringify({ version: 3, sources: ['secret.ts'] }));
  server = await getTestServer({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32), CLIENT_DIST_DIR: distDir });
});
afterAll(async () => {
  await server.stop();
  await rm(distDir, { recursive: true, force: true });
});

describe('static client (production)', () => {
  it('compresses with brotli or gzip, as the browser accepts, and keeps the bytes intact', async () => {
    const br = await rawGet('/assets/index-Bx7f3k9Q.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(appJs.length / 5);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(appJs);

    const gzip = await rawGet('/assets/index-Bx7f3k9Q.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(appJs);

    const plain = await rawGet('/assets/index-Bx7f3k9Q.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(appJs);
  });

  it('caches hashed assets for a year as immutable; a missing one is a 404, not index.html', async () => {
    const asset = await rawGet('/assets/index-Bx7f3k9Q.js', 'br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await rawGet('/assets/index-OldHash1.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBeUndefined();
  });

  it.each([['/'], ['/settings/preferences'], ['/index.html'], ['/sw.js']])('makes the browser revalidate %s (no-cache)', async (urlPath) => {
    const res = await rawGet(urlPath, 'br');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag ?? res.headers['last-modified']).toMatch(/\S/);
  });

  it('never serves source maps in production, even if the build left some', async () => {
    expect((await rawGet('/assets/index-Bx7f3k9Q.js.map')).status).toBe(404);
  });

  it('builds without source maps', () => {
    expect(viteConfig.build?.sourcemap).toBe(false);
  });

  it('compresses the API docs files too', async () => {
    const res = await rawGet('/api/docs/swagger-ui-bundle.js', 'br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
  });
});
