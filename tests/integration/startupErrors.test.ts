import { createServer, type Server } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../helpers/childServer.js';

// Issue 8, item 14: a start-up that cannot work ends with exit status 1 and ONE line naming the variable,
// the path (or address) and the cause, never a stack trace. The real entry point in a child process.

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'flashnotify-startup-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Starts the server, expects it to fail, and returns what it printed on stderr. */
async function failedStart(env: Record<string, string>, wrapper?: string[]): Promise<string> {
  const server = spawnServer(env, { wrapper });
  try {
    expect(await server.exited).toEqual({ code: 1, signal: null });
    return server.stderr();
  } finally {
    await server.stop();
  }
}

// Each case boots a fresh Node process that loads the whole server through tsx: slow on a busy 2-core machine.
describe('start-up errors', { timeout: 120_000 }, () => {
  it('a DATA_DIR under a regular file: ENOTDIR, in one line', async () => {
    const file = path.join(scratch, 'not-a-directory');
    await writeFile(file, 'x');
    const stderr = await failedStart({ DATA_DIR: path.join(file, 'data') });
    expect(stderr).toBe(`DATA_DIR: cannot write to ${path.join(file, 'data')}: ENOTDIR (a part of the path is a file, not a directory)\n`);
  });

  it('a DATA_DIR under /proc: ENOENT, in one line (it used to hang without output)', async () => {
    const stderr = await failedStart({ DATA_DIR: '/proc/flashnotify-data' });
    expect(stderr).toBe('DATA_DIR: cannot write to /proc/flashnotify-data: ENOENT (the file system there does not allow creating it)\n');
  });

  it('a DATA_DIR on a read-only file system: EROFS, in one line (also with SESSION_SECRET set)', async () => {
    // A read-only tmpfs in a private mount namespace: seen only by the server process, gone with it.
    // (chmod cannot make a directory unwritable for root, which the tests run as.)
    const readOnly = path.join(scratch, 'read-only');
    const wrapper = ['unshare', '--mount', 'sh', '-c', `mkdir -p '${readOnly}' && mount -t tmpfs -o ro tmpfs '${readOnly}' && exec "$@"`, 'sh'];
    const stderr = await failedStart({ DATA_DIR: readOnly, SESSION_SECRET: 's'.repeat(32) }, wrapper);
    expect(stderr).toBe(`DATA_DIR: cannot write to ${readOnly}: EROFS (read-only file system)\n`);
  });

  it('a port already in use: EADDRINUSE, in one line', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const stderr = await failedStart({ PORT: String(port) });
      expect(stderr).toBe(`HOST/PORT: cannot listen on 127.0.0.1:${port}: EADDRINUSE (another process already listens there)\n`);
    } finally {
      blocker.close();
    }
  });
});
