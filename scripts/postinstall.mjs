#!/usr/bin/env node
// `npm install`'s postinstall: generates the Prisma clients (server/generated) for the sources to run.
// A production install (`npm ci --omit=dev`, `npm prune --omit=dev`, the Dockerfile) has no dev tools
// (tsx) and needs no clients: the compiled server (`npm run build`, dist/server) has them bundled. It used to
// fail there with "tsx: not found" (exit 127), which failed the whole install.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsxCli;
try {
  tsxCli = require.resolve('tsx/cli');
} catch {
  console.log('postinstall: production install (no dev dependencies): nothing to generate; run the compiled server (dist/server, from `npm run build`).');
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsxCli, 'scripts/db/generate.ts'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
