import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, type Config } from './config.js';
import { sqlitePath } from './db/migrate.js';
import { makeDirectory } from './makeDirectory.js';

/** What the usual errno codes mean for a directory the server must write to. */
const CAUSES: Record<string, string> = {
  // mkdir answers ENOENT in a directory that exists but takes no new entries (/proc, /sys).
  ENOENT: 'the file system there does not allow creating it',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'it exists and is not a directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'input/output error',
};

/** A directory the server writes to, and the variable that chose it (named in errors). */
export interface WritableDirectory {
  dir: string;
  variable: 'DATA_DIR' | 'DATABASE_URL';
}

/**
 * The directories this configuration writes to at start: the SQLite file's directory (its -wal and -shm
 * files live beside it) and DATA_DIR when the session secret is generated there. None for PostgreSQL with
 * SESSION_SECRET set, so a read-only container file system is fine in scale-out mode.
 *
 * @example
 * writableDirectories(loadConfig({ DATA_DIR: '/var/lib/flashnotify' })); // [{ dir: '/var/lib/flashnotify', variable: 'DATA_DIR' }]
 */
export function writableDirectories(config: Pick<Config, 'dialect' | 'databaseUrl' | 'dataDir' | 'sessionSecret'>): WritableDirectory[] {
  const dirs: WritableDirectory[] = [];
  if (config.dialect === 'sqlite') {
    const dir = path.dirname(sqlitePath(config.databaseUrl));
    dirs.push({ dir, variable: dir === config.dataDir ? 'DATA_DIR' : 'DATABASE_URL' });
  }
  if (!config.sessionSecret && !dirs.some((d) => d.dir === config.dataDir)) dirs.push({ dir: config.dataDir, variable: 'DATA_DIR' });
  return dirs;
}

/**
 * Creates each directory the server will write to (writableDirectories) and proves it writable with a probe
 * file, so a bad DATA_DIR fails start-up with one line naming the variable, the path and the cause (e.g.
 * `DATA_DIR: cannot write to /srv/data: EROFS (read-only file system)`) instead of a stack trace from
 * deep inside SQLite or the session store.
 *
 * @throws ConfigError (the entry point prints its message and exits with status 1)
 */
export async function prepareWritableDirectories(config: Config): Promise<void> {
  for (const { dir, variable } of writableDirectories(config)) {
    try {
      makeDirectory(dir);
      const probe = path.join(dir, `.write-test-${process.pid}-${randomBytes(4).toString('hex')}`);
      await writeFile(probe, '', { flag: 'wx' });
      await rm(probe);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      throw new ConfigError(`${variable}: cannot write to ${dir}: ${code} (${CAUSES[code] ?? (err as Error).message})`);
    }
  }
}
