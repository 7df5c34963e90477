import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest directory at or above `start` that holds a package.json.
 *
 * @throws Error when there is none (the server runs only from inside its package)
 */
function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json at or above ${start}`);
  }
}

/**
 * The package's root directory (the repository: package.json, prisma/, server/). Files the server reads
 * at run time (email templates, the API docs page, SQL migrations) are found from here rather than from
 * `import.meta.url` of the module reading them: in the compiled build every module shares one location
 * (dist/server/index.js), so a path relative to a source file's own folder would point nowhere. Found by
 * walking up from this module, which works from server/ (tsx) and from any bundle inside the package.
 */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/**
 * An absolute path inside the package.
 *
 * @example
 * const dir = packagePath('server', 'channels', 'email', 'templates'); // /srv/flashnotify/server/channels/email/templates
 */
export const packagePath = (...segments: string[]): string => path.join(PACKAGE_ROOT, ...segments);
