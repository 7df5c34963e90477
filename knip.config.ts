import type { KnipConfig } from 'knip';

/**
 * knip: unused files, exports and dependencies (README → Quality gate). Entry points come from its
 * plugins (package.json scripts, Vite's index.html, Vitest, Playwright, ESLint) plus the ones below.
 */
const config = {
  entry: [
    // Preloaded by tests/integration/processErrors.test.ts with `node --import`, never imported.
    'tests/fixtures/processFaults.ts',
    // Derived from prisma/schema.prisma by `npm run db:sync-schema`; scripts/db/ reads it by path.
    'prisma/postgres/schema.prisma',
    // The embeddable inbox's module: scripts/build.mjs (target `embed`) builds it by path.
    'client/src/embed/element.ts',
    // The React components' library: scripts/build.mjs (target `react`) builds it by path; and the host
    // fixture's React page, which tests/fixtures/hostApp/react/build.ts builds by path.
    'client/src/embed/react/index.ts',
    'tests/fixtures/hostApp/react/main.tsx',
  ],
  project: ['server/**/*.ts', 'client/src/**/*.{ts,tsx}', 'shared/**/*.ts', 'scripts/**/*.{ts,mjs}', 'tests/**/*.ts', '*.config.ts', 'prisma/**/*.prisma'],
  // The house writes one file per operation exporting its fetcher, query options and hook together
  // (STYLE.md); an export its own file uses is part of that file's documented surface, not dead code.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // Imported only by the generated Prisma clients (server/generated, built on install, not in git).
    '@prisma/client',
    // Resolved by path, not imported: server/routes/docs.ts serves Swagger UI's files from the package.
    'swagger-ui-dist',
    // Named as a string: pino loads its pretty-printing transport by package name (server/logger.ts).
    'pino-pretty',
    // Not a package: the host fixture's React page imports the built React components under the name a host
    // would install them by; its build (tests/fixtures/hostApp/react/build.ts) aliases it to dist/embed-react.
    'flashnotify-react',
  ],
  // scripts/ensure-chromium.mjs installs Chromium with the system's apt-get when it is missing; the bench pins
  // processes to CPUs with util-linux's taskset (--server-cpus / --generator-cpus).
  ignoreBinaries: ['apt-get', 'taskset'],
} satisfies KnipConfig;

export default config;
