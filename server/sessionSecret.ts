import { randomBytes } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.js';
import { makeDirectory } from './makeDirectory.js';

const MIN_LENGTH = 32;

/**
 * The cookie-signing secret: SESSION_SECRET when set (required in production), otherwise one generated
 * on first run and kept in DATA_DIR so sessions survive restarts of the embedded mode.
 *
 * Safe when several processes start on one DATA_DIR at once: the secret is written in full under a
 * private name and then hard-linked into place. link() fails when the file exists, so the file appears
 * complete or not at all, and a process that loses the race reads the winner's secret (a plain
 * `writeFile(…, { flag: 'wx' })` creates the file empty first: a racing reader could get "").
 */
export async function resolveSessionSecret(config: Config): Promise<string> {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, 'session-secret');
  const existing = await readSecret(file);
  if (existing !== undefined) return existing;

  makeDirectory(config.dataDir);
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  await writeFile(draft, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  try {
    await link(draft, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process created it first: use theirs
  } finally {
    await unlink(draft).catch(() => {});
  }
  const secret = await readSecret(file);
  if (secret === undefined) throw new Error(`${file} vanished right after it was created`);
  return secret;
}

/** The stored secret; undefined when the file does not exist. */
async function readSecret(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const secret = text.trim();
  if (secret.length < MIN_LENGTH) {
    throw new Error(`${file} holds no usable session secret (fewer than ${MIN_LENGTH} characters): delete it to have one generated, or set SESSION_SECRET`);
  }
  return secret;
}
