import fs from 'node:fs';
import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { noDatabaseAccess } from './noDatabaseAccess.js';

const TS_FILES = ['**/*.ts', '**/*.tsx'];

/**
 * The house rules as an ESLint flat config, for the project rooted at `rootDir` (the repository, or a
 * throwaway copy of its layout in tests/unit/lint.test.ts). See README → Quality gate.
 *
 * @example
 * // eslint.config.ts
 * export default createEslintConfig(path.dirname(fileURLToPath(import.meta.url)));
 */
export function createEslintConfig(rootDir: string) {
  return defineConfig(
    { ignores: ['node_modules/', 'dist/', 'server/generated/', 'test-results/', 'playwright-report/', 'data/', '**/*.d.mts'] },
    tseslint.configs.recommendedTypeChecked,
    // Two programs, as `npm run typecheck` has them: the web client's (DOM, bundler resolution, the
    // `@shared/*` alias) and everything else's (Node). Imports resolve with the same tsconfig.
    typescriptProject(rootDir, TS_FILES, 'tsconfig.json', globals.node),
    typescriptProject(
      rootDir,
      // The host fixture's React page is browser code too (built with Vite like the client).
      ['client/src/**/*.ts', 'client/src/**/*.tsx', 'tests/unit/client/**/*.ts', 'tests/fixtures/hostApp/react/*.tsx'],
      'tsconfig.client.json',
      globals.browser,
    ),
    {
      files: ['**/*.js', '**/*.mjs'],
      extends: [tseslint.configs.disableTypeChecked],
    },
    { files: ['client/public/**/*.js'], ignores: ['client/public/theme-init.js'], languageOptions: { globals: globals.serviceworker } },
    // Run by index.html in the page itself, before the app's bundle.
    { files: ['client/public/theme-init.js'], languageOptions: { globals: globals.browser } },
    { files: ['scripts/**/*.mjs'], languageOptions: { globals: globals.node } },
    houseRules,
    {
      files: ['tests/**'],
      rules: {
        // Tests read the API's JSON answers as `any` on purpose: the assertions themselves check the shape.
        '@typescript-eslint/no-explicit-any': 'off',
      },
    },
    importBoundaries(rootDir),
    databaseAccess(),
  );
}

function typescriptProject(rootDir: string, files: string[], tsconfig: string, fileGlobals: Linter.Globals): Linter.Config {
  const project = path.join(rootDir, tsconfig);
  return {
    files,
    languageOptions: { parserOptions: { project, tsconfigRootDir: rootDir }, globals: fileGlobals },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project })] },
  };
}

/**
 * typescript-eslint's type-checked recommendations, for what they catch that the compiler does not:
 * promises nobody waits for or handles (`no-floating-promises`, `no-misused-promises`, `await-thenable`)
 * and code nobody uses (`no-unused-vars`, `no-unnecessary-type-assertion`). Unused exports, files and
 * dependencies are knip's (knip.config.ts).
 */
const houseRules: Linter.Config = {
  files: TS_FILES,
  rules: {
    '@typescript-eslint/no-floating-promises': 'error',
    '@typescript-eslint/no-misused-promises': 'error',
    // `_next` keeps Express's four-argument error-handler signature; `{ secret: _, ...rest }` omits a field.
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    // A `let` assigned once but read earlier by a closure (the HTTP listener before the app exists, the
    // signal handler before the server runs) cannot be a `const`: the closure would hit the TDZ.
    'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    // Off, with reasons. `any` enters only from JSON (request bodies, tests reading responses, untyped
    // third-party payloads) and is parsed by zod at the edge; the no-unsafe-* family would flag every
    // `res.body.x` in the tests (some 280 places) without finding a fault.
    '@typescript-eslint/no-unsafe-argument': 'off',
    '@typescript-eslint/no-unsafe-assignment': 'off',
    '@typescript-eslint/no-unsafe-call': 'off',
    '@typescript-eslint/no-unsafe-member-access': 'off',
    '@typescript-eslint/no-unsafe-return': 'off',
    // An `async` function without `await` is how this code implements a Promise-returning interface
    // (channel `close`, migration steps): a throw inside it still becomes a rejection.
    '@typescript-eslint/require-await': 'off',
    // Our "methods" are closures in object literals (serialTask's `run`, submit guards' `end`), safe to
    // pass around; the rule only sees the method syntax of their interface and cannot tell.
    '@typescript-eslint/unbound-method': 'off',
  },
};

/**
 * Import boundaries (README → Layout): `shared/` imports neither side; the server and the web client
 * import each other only through `shared/`; a client feature is reached from outside it only through the
 * modules at its root (`features/<name>/index.ts`, plus a root module per lazily loaded entry), never
 * through its `api/`, `components/`, `hooks/` or `utils/`; the client's shared layers (`lib/`,
 * `components/`, `hooks/`) import no feature and not the app shell.
 */
function importBoundaries(rootDir: string): Linter.Config {
  const featuresDir = path.join(rootDir, 'client/src/features');
  const features = fs.existsSync(featuresDir)
    ? fs.readdirSync(featuresDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
    : [];
  const featureZones = features.map((name) => ({
    // Everywhere in the client but inside the feature itself.
    target: [`${rootDir}/client/src/!(features)/**`, `${rootDir}/client/src/*.{ts,tsx}`, `${featuresDir}/!(${name})/**`],
    from: [`${featuresDir}/${name}/**`],
    except: [`${featuresDir}/${name}/*.{ts,tsx}`],
    message: `Import the ${name} feature through its public surface (client/src/features/${name}/index.ts), not its internals.`,
  }));
  return {
    files: TS_FILES,
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: rootDir,
          zones: [
            {
              target: './shared',
              from: ['./server', './client'],
              message: 'shared/ is imported by both sides and imports neither.',
            },
            { target: './client', from: './server', message: 'The web client reaches the server over HTTP and sockets; share code through shared/.' },
            { target: './server', from: './client', message: 'The server does not import the web client; share code through shared/.' },
            {
              target: ['./client/src/lib', './client/src/components', './client/src/hooks'],
              from: ['./client/src/features', './client/src/app'],
              message: 'The client\'s shared layers (lib/, components/, hooks/) import no feature and not the app shell.',
            },
            ...featureZones,
          ],
        },
      ],
    },
  };
}

// typescript-eslint's rule type still describes ESLint 9's context (parserOptions, getAncestors…), which
// ESLint 10's type no longer has; the rule uses neither, so the plugin is handed over as ESLint's type.
const localPlugin = { rules: { 'no-database-access': noDatabaseAccess } } as unknown as ESLint.Plugin;

/**
 * Database access only where it is owned: `server/services/**` (one operation per file, all Prisma access),
 * `server/db/**` (the clients and the migration applier), `server/delivery/**` (claiming and recording
 * deliveries under leases), `server/jobs/**` (the job engine's lease statements), `scripts/**` and `tests/**`. Everything else in `server/` hands the client on
 * to a service and never queries it itself, nor builds SQL with the generated client's runtime
 * (`Prisma.sql`); its types (`Prisma.DeliveryGetPayload`) may be named anywhere.
 */
function databaseAccess(): Linter.Config {
  return {
    files: ['server/**/*.ts'],
    ignores: ['server/services/**', 'server/db/**', 'server/delivery/**', 'server/jobs/**'],
    plugins: { flashnotify: localPlugin },
    rules: {
      'flashnotify/no-database-access': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)generated/',
              allowTypeImports: true,
              message: 'The generated Prisma client is used by services and server/db only (types may be imported anywhere).',
            },
          ],
        },
      ],
    },
  };
}
