/** Machine-level helpers shared by the throwaway PostgreSQL and Redis servers of the tests. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);
const installs = new Map<string, Promise<void>>();

/** True when this process may install Debian packages itself (root with apt-get). */
export const canAptInstall = (): boolean => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** Installs a Debian package once per process (concurrent callers share the install). */
export function aptInstall(pkg: string): Promise<void> {
  let install = installs.get(pkg);
  if (!install) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    install = (async () => {
      await run('apt-get', ['update', '-qq'], { maxBuffer: 64 << 20, env });
      await run('apt-get', ['install', '-y', '-qq', pkg], { maxBuffer: 64 << 20, env });
    })();
    installs.set(pkg, install);
  }
  return install;
}

/** A TCP port free on 127.0.0.1 right now (the caller retries if another process takes it first). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
