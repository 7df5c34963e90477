/**
 * Throwaway PostgreSQL servers for tests, started from the Debian binaries on the machine
 * (/usr/lib/postgresql/<version>/bin). No Docker and no network: the server listens on 127.0.0.1 on a
 * free port and keeps its data and socket in a temp dir that stop() removes.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { aptInstall, canAptInstall, freePort } from './system.js';

const run = promisify(execFile);

/** A running throwaway PostgreSQL. */
export interface StartedPostgres {
  /** Connection URL of the `postgres` database as superuser `postgres` (trust auth, no password). */
  url: string;
  /**
   * Stops the server (`pg_ctl stop -m fast`: open connections are terminated with 57P01) and keeps its
   * data and port, to simulate an outage; `resume()` starts it again.
   */
  halt(): Promise<void>;
  /** Starts the halted server again on the same port with the same data; resolves once it accepts connections. */
  resume(): Promise<void>;
  /** A connection URL for another database on this server (create it with `createDatabase`). */
  urlFor(database: string): string;
  /** Creates an empty database, e.g. for one of several fresh starts in one test file. */
  createDatabase(name: string): Promise<void>;
  /** Stops the server and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

const PG_ROOT = '/usr/lib/postgresql';
const isRoot = process.getuid?.() === 0;

/** Newest installed version's bin dir, or undefined. */
function findBinDir(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(PG_ROOT, versions[0], 'bin') : undefined;
}

/** Finds the binaries; as root installs Debian's `postgresql` once when they are missing. */
async function ensureBinDir(): Promise<string> {
  const found = findBinDir();
  if (found) return found;
  if (!canAptInstall()) {
    throw new Error(
      `PostgreSQL server binaries not found under ${PG_ROOT}. Install them: sudo apt-get install -y postgresql`,
    );
  }
  await aptInstall('postgresql');
  const bin = findBinDir();
  if (!bin) throw new Error(`apt-get install postgresql finished but no initdb under ${PG_ROOT}`);
  return bin;
}


/** PostgreSQL refuses to run as root, so as root every binary runs as the `postgres` OS user. */
function asPgUser(bin: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

/**
 * Starts a fresh PostgreSQL cluster (initdb + pg_ctl start) on a free 127.0.0.1 port.
 * Durability is switched off (fsync etc.) because the data is thrown away: it makes tests faster.
 */
export async function startPostgres(): Promise<StartedPostgres> {
  const binDir = await ensureBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'fn-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const dataDir = join(dir, 'data');
  const pgCtl = join(binDir, 'pg_ctl');

  let stopped = false;
  const stopSync = () => {
    // Last resort when the test process exits without calling stop(): never leave a server running.
    if (stopped) return;
    stopped = true;
    try {
      const [cmd, args] = asPgUser(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      execFileSync(cmd, args, { stdio: 'ignore' });
    } catch {
      /* not running */
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const [initCmd, initArgs] = asPgUser(join(binDir, 'initdb'), [
      '-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions',
    ]);
    await run(initCmd, initArgs);

    const startOn = (port: number) => {
      const opts = [
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
        '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
      ].join(' ');
      const [cmd, args] = asPgUser(pgCtl, ['-D', dataDir, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', opts, 'start']);
      return run(cmd, args);
    };
    // A port can be taken between freePort() and the server's bind: retry a few times.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await startOn(port);
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
    process.once('exit', stopSync);
    const urlFor = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;

    return {
      url: urlFor('postgres'),
      urlFor,
      async halt() {
        const [cmd, args] = asPgUser(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
        await run(cmd, args);
      },
      async resume() {
        await startOn(port);
      },
      async createDatabase(name) {
        const client = new pg.Client({ connectionString: urlFor('postgres') });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
        } finally {
          await client.end();
        }
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopSync);
        const [cmd, args] = asPgUser(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
        await run(cmd, args).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    stopSync();
    throw new Error(`Could not start PostgreSQL from ${binDir}: ${(err as Error).message}`);
  }
}
