import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { prepareWritableDirectories, writableDirectories } from '../../server/dataDirs.js';
import { migrateDatabase } from '../../server/db/migrate.js';
import { resolveSessionSecret } from '../../server/sessionSecret.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'flashnotify-datadirs-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('writableDirectories', () => {
  const secret = 's'.repeat(32);
  it.each([
    ['embedded defaults: DATA_DIR (database and session secret)', { DATA_DIR: '/srv/fn' }, [{ dir: '/srv/fn', variable: 'DATA_DIR' }]],
    [
      'a SQLite file elsewhere: its directory, and DATA_DIR for the secret',
      { DATA_DIR: '/srv/fn', DATABASE_URL: 'file:/var/db/fn.db' },
      [
        { dir: '/var/db', variable: 'DATABASE_URL' },
        { dir: '/srv/fn', variable: 'DATA_DIR' },
      ],
    ],
    ['PostgreSQL with SESSION_SECRET: nothing (read-only containers work)', { DATABASE_URL: 'postgres://u@db/fn', SESSION_SECRET: secret }, []],
    ['PostgreSQL without SESSION_SECRET: DATA_DIR for the secret', { DATA_DIR: '/srv/fn', DATABASE_URL: 'postgres://u@db/fn' }, [{ dir: '/srv/fn', variable: 'DATA_DIR' }]],
  ])('%s', (_name, env, expected) => {
    expect(writableDirectories(loadConfig(env))).toEqual(expected);
  });
});

describe('prepareWritableDirectories', () => {
  it('creates a missing DATA_DIR with its missing parents and leaves no probe file behind', async () => {
    const dataDir = path.join(scratch, 'a', 'b', 'c');
    await prepareWritableDirectories(loadConfig({ DATA_DIR: dataDir }));
    expect((await stat(dataDir)).isDirectory()).toBe(true);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it.each([
    ['a path under a regular file', (file: string) => path.join(file, 'data'), 'ENOTDIR (a part of the path is a file, not a directory)'],
    ['a regular file', (file: string) => file, 'EEXIST (it exists and is not a directory)'],
  ])('names DATA_DIR, the path and the cause for %s', async (_name, dataDirOf, cause) => {
    const file = path.join(scratch, `file-${cause.slice(0, 6)}`);
    await writeFile(file, 'x');
    const dataDir = dataDirOf(file);
    const failure = prepareWritableDirectories(loadConfig({ DATA_DIR: dataDir }));
    await expect(failure).rejects.toThrow(ConfigError);
    await expect(failure).rejects.toThrow(`DATA_DIR: cannot write to ${dataDir}: ${cause}`);
  });

  it('fails at once, naming the cause, for a DATA_DIR under /proc (recursive mkdir never returned there)', async () => {
    const failure = prepareWritableDirectories(loadConfig({ DATA_DIR: '/proc/x' }));
    await expect(failure).rejects.toThrow(ConfigError);
    await expect(failure).rejects.toThrow('DATA_DIR: cannot write to /proc/x: ENOENT (the file system there does not allow creating it)');
  });

  it('the other start-up directory makers fail at once under /proc too (migrations: the CLIs; the session secret)', async () => {
    await expect(migrateDatabase('file:/proc/x/flashnotify.db')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(resolveSessionSecret(loadConfig({ DATA_DIR: '/proc/x' }))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('names DATABASE_URL when the SQLite file lives elsewhere', async () => {
    const file = path.join(scratch, 'db-file');
    await writeFile(file, 'x');
    const failure = prepareWritableDirectories(loadConfig({ DATA_DIR: scratch, DATABASE_URL: `file:${path.join(file, 'sub', 'app.db')}` }));
    await expect(failure).rejects.toThrow(`DATABASE_URL: cannot write to ${path.join(file, 'sub')}: ENOTDIR`);
  });
});
