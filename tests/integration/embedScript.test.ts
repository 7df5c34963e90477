import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Issue 10, section 3: `<flashnotify-inbox>` is one ES module at a stable URL that pages on any origin can
// load with `<script type="module">`. The module is built here (scripts/build.mjs embed --outdir), not
// taken from a previous `npm run build`.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let embedDir: string;
let server: TestServer;
let built: Buffer;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET with the given headers, body as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  embedDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-embed-'));
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', 'embed', '--outdir', embedDir], { cwd: repoRoot });
  built = await readFile(path.join(embedDir, 'flashnotify.js'));
  server = await getTestServer({ EMBED_DIST_DIR: embedDir });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await rm(embedDir, { recursive: true, force: true });
});

describe('GET /embed/flashnotify.js', () => {
  it('serves the built module as JavaScript that any origin may load and embed', async () => {
    const res = await rawGet(`${server.url}/embed/flashnotify.js`, { origin: 'https://host.example' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    // A cross-origin module script is fetched in CORS mode; helmet's same-origin CORP would block it.
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.etag).toMatch(/\S/);
    expect(res.body.equals(built)).toBe(true);
  });

  it('answers 304 to a revalidation with its ETag, and compresses', async () => {
    const first = await rawGet(`${server.url}/embed/flashnotify.js`);
    const again = await rawGet(`${server.url}/embed/flashnotify.js`, { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    const gzip = await rawGet(`${server.url}/embed/flashnotify.js`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(built)).toBe(true);
  });

  it('is one self-contained module that defines the element, within its 60 KB gzip budget, without zod', () => {
    const code = built.toString('utf8');
    expect(code).toMatch(/customElements\.define\(["'`]flashnotify-inbox["'`]/);
    // Self-contained: no import of another file or package left for the browser to resolve.
    // (Once FormatJS's parser-less entry's error text, "please import from 'react-intl' instead", is set aside.)
    const statements = code.replace("please import from 'react-intl' instead", '');
    expect(statements).not.toMatch(/\bimport\s*[{*\w]|\bimport\(|from\s*["'`]/);
    expect(gzipSync(built, { level: 9 }).length).toBeLessThanOrEqual(60 * 1024);
    expect(code).not.toMatch(/ZodError|\$ZodType/);
  });

  it('carries every language’s element messages compiled ahead: no ICU parser, none of the app’s messages', async () => {
    const code = built.toString('utf8');
    const catalogs = await readdir(path.join(repoRoot, 'shared/i18n/messages'));
    expect(catalogs.length).toBeGreaterThan(1);
    // Each language's `embed.*` messages, as ASTs ({type:0,value:…}), not strings.
    for (const file of catalogs) {
      const messages = JSON.parse(await readFile(path.join(repoRoot, 'shared/i18n/messages', file), 'utf8')) as Record<string, string>;
      expect(code, file).toContain(messages['embed.markAllRead']);
    }
    expect(code).toMatch(/["'`]?embed\.markAllRead["'`]?:\[\{type:0,value:/);
    for (const key of ['preferences.title', 'email.viewDetails', 'unsubscribe.confirm.title']) expect(code).not.toContain(key);
    // The parser's error names (intl-messageformat would bundle it for string messages).
    expect(code).not.toMatch(/EXPECT_ARGUMENT_CLOSING_BRACE|UNCLOSED_TAG/);
  });

  it('says it is not built yet (503, not the web app) when the file is missing', async () => {
    const empty = await getTestServer({ EMBED_DIST_DIR: path.join(embedDir, 'missing') });
    try {
      const res = await rawGet(`${empty.url}/embed/flashnotify.js`);
      expect(res.status).toBe(503);
      expect(res.body.toString('utf8')).toMatch(/not built yet/);
    } finally {
      await empty.stop();
    }
  });
  it('answers any other path under /embed with a 404, not the web app’s page (a mistyped snippet, a source map)', async () => {
    for (const wrong of ['/embed/flashnotfy.js', '/embed/flashnotify.js.map', '/embed/', '/embed/a/b.js']) {
      const res = await rawGet(`${server.url}${wrong}`);
      expect(res.status, wrong).toBe(404);
      expect(res.headers['content-type'], wrong).toMatch(/^application\/json/);
      expect(JSON.parse(res.body.toString('utf8')).error.message, wrong).toContain('/embed/flashnotify.js');
    }
  });
});
