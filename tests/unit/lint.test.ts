import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knipConfig from '../../knip.config.js';
import { createEslintConfig } from '../../scripts/lint/eslintConfig.js';

// The quality gate's rules, run on a throwaway project laid out like this one: each house rule gets a
// file that breaks it and a file that keeps it, and the real config must tell them apart.

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** A Prisma-like client: the rule recognises a database client by its `$executeRaw`. */
const fakeDb = `
export interface Db {
  $executeRaw(query: TemplateStringsArray): Promise<number>;
  $disconnect(): Promise<void>;
  user: { findMany(): Promise<{ id: string }[]> };
}
export interface AppContext { db: Db }
`;

const files: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2023', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: ['node'],
      strict: true, noEmit: true, skipLibCheck: true,
    },
    include: ['server', 'shared'],
  }),
  'tsconfig.client.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022', lib: ['ES2022', 'DOM'], module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx',
      strict: true, noEmit: true, skipLibCheck: true, types: [],
    },
    include: ['client/src', 'shared'],
  }),
  // Import boundaries: shared/ imports neither side.
  'server/thing.ts': `export const thing = 1;\n`,
  'shared/importsServer.ts': `import { thing } from '../server/thing.js';\nexport const shared = thing;\n`,
  'shared/pure.ts': `export const pure = 1;\n`,
  // A feature reached through its internals, and through its public surface.
  'client/src/features/alpha/api/getAlpha.ts': `export const getAlpha = () => 'alpha';\n`,
  'client/src/features/alpha/index.ts': `export { getAlpha } from './api/getAlpha';\n`,
  'client/src/features/beta/usesInternals.ts': `import { getAlpha } from '../alpha/api/getAlpha';\nexport const a = getAlpha();\n`,
  'client/src/features/beta/usesSurface.ts': `import { getAlpha } from '../alpha';\nexport const b = getAlpha();\n`,
  'client/src/lib/usesFeature.ts': `import { getAlpha } from '../features/alpha';\nexport const c = getAlpha();\n`,
  // Database access: a route that queries vs a route that hands the client to a service.
  'server/db/client.ts': fakeDb,
  'server/services/listUsers.ts': `import type { Db } from '../db/client.js';\nexport const listUsers = (db: Db) => db.user.findMany();\n`,
  'server/routes/queriesDb.ts': `import type { AppContext } from '../db/client.js';\nexport const route = (ctx: AppContext) => ctx.db.user.findMany();\n`,
  'server/routes/destructuresDb.ts': `import type { AppContext } from '../db/client.js';\nexport const route = (ctx: AppContext) => { const { user } = ctx.db; return user.findMany(); };\n`,
  'server/routes/callsService.ts': `import type { AppContext } from '../db/client.js';\nimport { listUsers } from '../services/listUsers.js';\nexport const route = (ctx: AppContext) => listUsers(ctx.db);\n`,
  'server/composition.ts': `import type { Db } from './db/client.js';\nexport const close = (db: Db) => db.$disconnect();\n`,
  'server/generated/client.ts': `export const Prisma = { sql: (s: string) => s };\nexport type Row = { id: string };\n`,
  'server/presenters/importsRuntime.ts': `import { Prisma } from '../generated/client.js';\nexport const q = Prisma.sql('SELECT 1');\n`,
  'server/presenters/importsTypes.ts': `import type { Row } from '../generated/client.js';\nexport const id = (row: Row) => row.id;\n`,
  // Floating promises, and awaited ones.
  'server/floating.ts': `async function work(): Promise<void> {}\nexport function start(): void {\n  work();\n}\n`,
  'server/awaited.ts': `async function work(): Promise<void> {}\nexport async function start(): Promise<void> {\n  await work();\n  void work();\n}\n`,
  'server/misused.ts': `export function listen(on: (cb: () => void) => void): void {\n  on(async () => {});\n}\n`,
  // Unused code.
  'server/unused.ts': `import { thing } from './thing.js';\nexport function f(): number {\n  const unused = 2;\n  return 1;\n}\n`,
};

let root: string;
let results: Map<string, Linter.LintMessage[]>;

beforeAll(async () => {
  root = await realpath(await mkdtemp(path.join(tmpdir(), 'flashnotify-lint-')));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  // Type information needs @types/node and TypeScript's libs: the repository's own node_modules.
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: createEslintConfig(root) });
  const linted = await eslint.lintFiles(['server', 'shared', 'client']);
  results = new Map(linted.map((r) => [path.relative(root, r.filePath), r.messages]));
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** The rule ids reported for a file, sorted; parse errors show as `null` and fail every expectation. */
function rulesFor(file: string): (string | null)[] {
  const messages = results.get(file);
  expect(messages, `${file} was not linted`).toBeDefined();
  return messages!.map((m) => m.ruleId).sort();
}

describe('the ESLint gate', () => {
  it('keeps shared/ free of server and client imports', () => {
    expect(rulesFor('shared/importsServer.ts')).toEqual(['import-x/no-restricted-paths']);
    expect(rulesFor('shared/pure.ts')).toEqual([]);
  });

  it("reaches a client feature only through its public surface, and keeps lib/ out of features", () => {
    expect(rulesFor('client/src/features/beta/usesInternals.ts')).toEqual(['import-x/no-restricted-paths']);
    expect(rulesFor('client/src/features/beta/usesSurface.ts')).toEqual([]);
    expect(rulesFor('client/src/features/alpha/index.ts')).toEqual([]);
    expect(rulesFor('client/src/lib/usesFeature.ts')).toEqual(['import-x/no-restricted-paths']);
  });

  it('allows database access only in the owning layers', () => {
    expect(rulesFor('server/routes/queriesDb.ts')).toEqual(['flashnotify/no-database-access']);
    expect(rulesFor('server/routes/destructuresDb.ts')).toEqual(['flashnotify/no-database-access']);
    expect(rulesFor('server/routes/callsService.ts')).toEqual([]);
    expect(rulesFor('server/services/listUsers.ts')).toEqual([]);
    expect(rulesFor('server/composition.ts')).toEqual([]);
    expect(rulesFor('server/presenters/importsRuntime.ts')).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(rulesFor('server/presenters/importsTypes.ts')).toEqual([]);
  });

  it('reports promises nobody handles', () => {
    expect(rulesFor('server/floating.ts')).toEqual(['@typescript-eslint/no-floating-promises']);
    expect(rulesFor('server/misused.ts')).toEqual(['@typescript-eslint/no-misused-promises']);
    expect(rulesFor('server/awaited.ts')).toEqual([]);
  });

  it('reports unused imports and variables', () => {
    expect(rulesFor('server/unused.ts')).toEqual(['@typescript-eslint/no-unused-vars', '@typescript-eslint/no-unused-vars']);
  });
});

describe('the knip gate', () => {
  it('reports unused exports and files, not exports their own file uses', async () => {
    const dir = path.join(root, 'knip-project');
    const project: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'knip-fixture', private: true, type: 'module' }),
      // The house options (knip.config.ts), with this fixture's entry.
      'knip.json': JSON.stringify({ ignoreExportsUsedInFile: knipConfig.ignoreExportsUsedInFile, entry: ['index.ts'], project: ['**/*.ts'] }),
      'index.ts': `import { used, operation } from './lib.js';\nconsole.log(used, operation());\n`,
      'lib.ts': `export const used = 1;\nexport const unusedExport = 2;\nexport function fetcher() { return 3; }\nexport function operation() { return fetcher(); }\n`,
      'orphan.ts': `export const orphan = 1;\n`,
    };
    for (const [file, text] of Object.entries(project)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    const knipBin = path.join(repoRoot, 'node_modules/knip/bin/knip.js');
    const run = await promisify(execFile)(process.execPath, [knipBin, '--directory', dir, '--reporter', 'json', '--no-progress'], {
      cwd: dir,
    }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const report = JSON.parse(run.stdout) as { issues: { file: string; files?: unknown; exports: { name: string }[] }[] };
    const exported = report.issues.flatMap((issue) => issue.exports.map((e) => `${issue.file}:${e.name}`));
    expect(exported).toEqual(['lib.ts:unusedExport']);
    expect(JSON.stringify(report)).toContain('orphan.ts');
  }, 60_000);
});

describe('npm test', () => {
  it('runs the linters before the unit and integration tests', async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.lint).toMatch(/\beslint\b.*&& knip\b/);
    const steps = pkg.scripts.test!.split('&&').map((s) => s.trim());
    expect(steps.indexOf('npm run lint')).toBeGreaterThan(-1);
    expect(steps.indexOf('npm run lint')).toBeLessThan(steps.indexOf('npm run test:unit'));
  });
});
