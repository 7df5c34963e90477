import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p`, without `{ recursive: true }`: Node 20's recursive mkdir (sync and async) never returns for
 * a path under /proc, where the kernel answers ENOENT for a parent that exists and libuv retries the parent
 * forever, so `DATA_DIR=/proc/x` hung the start, and the CLIs, without a word. The missing directories are
 * found with stat and created one by one, top down; each error is the one stat or mkdir gave (ENOENT under
 * /proc, ENOTDIR under a file, EEXIST when `dir` is a file). Synchronous: a few system calls at start-up.
 *
 * @example
 * makeDirectory('/var/lib/flashnotify'); // creates /var/lib/flashnotify (and /var/lib if missing)
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      const found = statSync(current);
      if (current === path.resolve(dir) && !found.isDirectory()) {
        throw Object.assign(new Error(`EEXIST: ${dir} exists and is not a directory`), { code: 'EEXIST' });
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(current) === current) throw err;
      missing.push(current);
    }
  }
  for (const each of missing.reverse()) {
    try {
      mkdirSync(each);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // made by another process meanwhile
    }
  }
}
