#!/usr/bin/env node
// Builds what `npm start` runs: the web client (Vite → dist/client), the embeddable inbox (Vite library mode →
// one ES module, dist/embed/flashnotify.js, served at /embed/flashnotify.js) and the server (esbuild → one ES
// module, dist/server/index.js, npm packages left as imports), so starting compiles nothing; and the React
// components for React hosts (Vite library mode → dist/embed-react/flashnotify-react.{js,css}, React left to
// the host's bundler; not served, not part of `npm start`).
//
//   node scripts/build.mjs              all four, always (`npm run build`)
//   node scripts/build.mjs --changed    each only when its inputs changed since its last build (`npm start`)
//   node scripts/build.mjs server       one target; `--outdir <dir>` puts the server bundle elsewhere (tests)
//
// "Changed" compares a fingerprint of the inputs (every file's path, size and mtime, so an edit, a new
// file, a deleted file or a `git checkout` all count) with the one recorded after the last successful
// build of that target, in dist/.build-<target>.json. Plain JavaScript run by node: checking costs ~20 ms,
// where loading tsx first would cost more than the check.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const fromRoot = (...segments) => path.join(root, ...segments);

/** What each target reads: directories (walked) and single files, relative to the repository. */
const TARGETS = {
  client: {
    inputs: ['client', 'shared', 'vite.config.ts', 'tsconfig.client.json', 'package-lock.json', 'scripts/build.mjs', 'scripts/i18nBuild.mjs'],
    output: (outdir) => path.join(outdir ?? fromRoot('dist', 'client'), 'index.html'),
    build: buildClient,
  },
  embed: {
    // What client/src/embed/element.ts imports: the embed, the client's shared layer, shared/.
    inputs: ['client/src/embed', 'client/src/lib', 'shared', 'package-lock.json', 'scripts/build.mjs', 'scripts/i18nBuild.mjs'],
    output: (outdir) => path.join(outdir ?? fromRoot('dist', 'embed'), EMBED_FILE),
    build: buildEmbed,
  },
  react: {
    // What client/src/embed/react/index.ts imports: the app's inbox, realtime and preferences features, the
    // client's shared layers and styles, the embed's InboxClient, shared/.
    inputs: ['client/src', 'shared', 'package-lock.json', 'scripts/build.mjs', 'scripts/i18nBuild.mjs'],
    output: (outdir) => path.join(outdir ?? fromRoot('dist', 'embed-react'), `${REACT_NAME}.js`),
    build: buildReact,
    // Only for React hosts (and the end-to-end tests' host page): `npm start` does not need it.
    onStart: false,
  },
  server: {
    // server/generated (the Prisma clients, rebuilt on install) is bundled too, hence an input.
    inputs: ['server', 'shared', 'scripts/createUser.ts', 'scripts/createApiKey.ts', 'package-lock.json', 'scripts/build.mjs'],
    output: (outdir) => path.join(outdir ?? fromRoot('dist', 'server'), 'index.js'),
    build: buildServer,
  },
};

/**
 * Vite's production build of client/ (vite.config.ts says where and how). Production whatever NODE_ENV the
 * caller runs under: Vite builds React's development bundle when NODE_ENV is anything else, and a
 * `NODE_ENV=test npm start` (or a supervisor's NODE_ENV=development) then served StrictMode's doubled
 * effects (two sockets per tab), warnings and a 4× bigger bundle.
 */
async function buildClient(outdir) {
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: fromRoot('vite.config.ts'), mode: 'production', build: outdir ? { outDir: outdir } : {} });
}

/**
 * Vite's library mode as both embeds use it: one ES module entry (`lib`), production, no source maps, minified
 * (library mode leaves whitespace in ES output, for consumers that re-bundle; these files are final or
 * near it). `extra` adds plugins, CSS processing and Rolldown options.
 */
function libraryConfig(dir, lib, { plugins = [], css, rolldownOptions = {} } = {}) {
  return {
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    plugins,
    css,
    resolve: { alias: { '@shared': fromRoot('shared') } },
    build: {
      outDir: dir,
      emptyOutDir: true,
      sourcemap: false,
      minify: true,
      target: 'es2022',
      copyPublicDir: false,
      cssCodeSplit: false,
      lib: { formats: ['es'], ...lib },
      rolldownOptions: { ...rolldownOptions, output: { minify: true, ...rolldownOptions.output } },
    },
  };
}

const EMBED_FILE = 'flashnotify.js';
/** The README's promise for the whole element, socket.io-client included (issue 10). */
const EMBED_GZIP_BUDGET = 60 * 1024;

/**
 * The `<flashnotify-inbox>` custom element as one self-contained ES module (Vite library mode: every
 * dependency bundled, nothing split off, no CSS file: its styles live in its shadow root). Prints the
 * gzip size, the number hosts pay, and fails above the budget.
 */
async function buildEmbed(outdir) {
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const dir = outdir ?? fromRoot('dist', 'embed');
  const { precompiledMessages } = await import('./i18nBuild.mjs');
  await build(libraryConfig(dir, { entry: fromRoot('client', 'src', 'embed', 'element.ts'), fileName: () => EMBED_FILE }, { plugins: [precompiledMessages()] }));
  const code = readFileSync(path.join(dir, EMBED_FILE));
  const gzip = gzipSync(code, { level: 9 }).length;
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`embed built: ${path.relative(root, path.join(dir, EMBED_FILE))} ${kb(code.length)}, ${kb(gzip)} gzip (budget ${kb(EMBED_GZIP_BUDGET)})`);
  if (gzip > EMBED_GZIP_BUDGET) throw new Error(`The embed is ${kb(gzip)} gzip, over its ${kb(EMBED_GZIP_BUDGET)} budget`);
}

const REACT_NAME = 'flashnotify-react';
/**
 * Message namespaces of the app's own pages (admin, sign-in, account, devices) and of its inbox page's own
 * actions (bulk selection, pin, snooze, delete, Undo: InboxActionsProvider): not in the React components.
 */
const APP_ONLY_MESSAGES = ['admin.', 'auth.', 'account.', 'devices.', 'inboxActions.'];
/** What a React host pays on top of React itself, all chunks (the components, React Query, socket.io-client, zod for the preferences). */
const REACT_GZIP_BUDGET = 100 * 1024;
const SCOPE = '.fn-react';

/**
 * A PostCSS plugin (a plain object: no import needed) putting every rule of the app's stylesheets under the
 * components' root class, so the React components' CSS styles nothing of the host's page: `.btn` becomes
 * `.fn-react .btn`, `:root`/`html`/`body` become `.fn-react`. Rules already starting with it (the theme)
 * and keyframes stay as they are.
 */
const scopeUnderRoot = {
  postcssPlugin: 'flashnotify-scope',
  Rule(rule) {
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test(rule.parent.name)) return;
    const scoped = rule.selectors.map((selector) => {
      if (selector.startsWith(SCOPE)) return selector;
      if (/^(:root|html|body)$/.test(selector)) return SCOPE;
      return `${SCOPE} ${selector.replace(/^(:root|html|body)\s+/, '')}`;
    });
    if (scoped.join() !== rule.selectors.join()) rule.selectors = [...new Set(scoped)];
  },
};

/**
 * The React components (client/src/embed/react) as an ES module library plus one stylesheet, for a React
 * host's bundler: react, react-dom and their subpaths stay imports (the host's own React); the rest
 * (React Query, socket.io-client, the app's components) is bundled, so the components' query cache never
 * meets a host's own React Query. Prints the gzip sizes; fails above the budget.
 */
async function buildReact(outdir) {
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const dir = outdir ?? fromRoot('dist', 'embed-react');
  const { precompiledMessages, SERVER_ONLY, ELEMENT_ONLY } = await import('./i18nBuild.mjs');
  const entry = { entry: fromRoot('client', 'src', 'embed', 'react', 'index.ts'), fileName: () => `${REACT_NAME}.js`, cssFileName: REACT_NAME };
  await build(
    libraryConfig(dir, entry, {
      // The element's own messages (embed.*) stay out: the components word theirs under reactInbox.*.
      plugins: [react(), precompiledMessages({ drop: [...SERVER_ONLY, ...ELEMENT_ONLY, ...APP_ONLY_MESSAGES] })],
      css: { postcss: { plugins: [scopeUnderRoot] } },
      rolldownOptions: {
        external: [/^react(-dom)?($|\/)/],
        // Our modules run nothing on import but their stylesheets: what the components do not use (the app's
        // pages, routing, auth) is left out with what it imports. Packages say so themselves (`sideEffects`).
        treeshake: {
          moduleSideEffects: [
            { test: /\.css$/, sideEffects: true },
            { test: /[\\/](client|shared)[\\/].*\.tsx?$/, sideEffects: false },
          ],
        },
        output: { chunkFileNames: `${REACT_NAME}-[name]-[hash].js` },
      },
    }),
  );
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  // The entry, the lazily loaded chunk(s) (<Preferences/>) and the stylesheet.
  const files = readdirSync(dir).filter((name) => /\.(js|css)$/.test(name)).sort((a, b) => a.length - b.length);
  const sizes = files.map((name) => {
    const code = readFileSync(path.join(dir, name));
    return { name, raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
  });
  console.log(`react components built in ${path.relative(root, dir)}: ${sizes.map((s) => `${s.name} ${kb(s.raw)}, ${kb(s.gzip)} gzip`).join('; ')}`);
  const total = sizes.filter((s) => s.name.endsWith('.js')).reduce((sum, s) => sum + s.gzip, 0);
  if (total > REACT_GZIP_BUDGET) throw new Error(`The React components are ${kb(total)} gzip, over their ${kb(REACT_GZIP_BUDGET)} budget`);
}

/**
 * The server as one ES module. Packages stay external (`packages: 'external'`): Node loads them from
 * node_modules as before (native better-sqlite3, Prisma's runtime and its WASM, Swagger UI's files), so
 * only our own code — and the generated Prisma clients — is compiled, once, here instead of at every start.
 * Names are kept (`keepNames`) because logs print error class names; the linked source map lets
 * `node --enable-source-maps` print stacks in server/… files.
 */
async function buildServer(outdir) {
  const esbuild = await import('esbuild');
  const dir = outdir ?? fromRoot('dist', 'server');
  rmSync(dir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    // The server, and the two CLIs a production install needs (no tsx there): the first admin, API keys.
    entryPoints: {
      index: fromRoot('server', 'index.ts'),
      'cli/createUser': fromRoot('scripts', 'createUser.ts'),
      'cli/createApiKey': fromRoot('scripts', 'createApiKey.ts'),
    },
    outdir: dir,
    // What is imported with import() (Redis support, only in scale-out mode) becomes a chunk of its own,
    // so its packages load only when it is used.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    keepNames: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  console.log(`server built: ${path.relative(root, path.join(dir, 'index.js'))} (and cli/createUser.js, cli/createApiKey.js)`);
}

/** Every file under the inputs as "path size mtime", sorted, hashed. */
function fingerprint(inputs) {
  const lines = [];
  const visit = (relative) => {
    const absolute = fromRoot(relative);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      lines.push(`${relative} missing`);
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) visit(path.join(relative, entry));
    } else {
      lines.push(`${relative} ${stat.size} ${stat.mtimeMs}`);
    }
  };
  for (const input of inputs) visit(input);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

const stampFile = (name) => fromRoot('dist', `.build-${name}.json`);

function readStamp(name) {
  try {
    return JSON.parse(readFileSync(stampFile(name), 'utf8')).fingerprint;
  } catch {
    return undefined;
  }
}

const { values: options, positionals } = parseArgs({
  options: { changed: { type: 'boolean', default: false }, outdir: { type: 'string' } },
  allowPositionals: true,
});
// `--changed` alone is `npm start`: what it serves; named targets and a plain build are built as asked.
const names = positionals.length > 0 ? positionals : Object.keys(TARGETS).filter((name) => !options.changed || TARGETS[name].onStart !== false);
for (const name of names) {
  if (!TARGETS[name]) {
    console.error(`Unknown build target "${name}" (expected one of ${Object.keys(TARGETS).join(', ')})`);
    process.exit(1);
  }
}
if (options.outdir && names.length !== 1) {
  console.error('--outdir needs exactly one target');
  process.exit(1);
}

for (const name of names) {
  const target = TARGETS[name];
  const outdir = options.outdir && path.resolve(options.outdir);
  // A build into another directory (tests) neither reads nor writes the stamp of dist/.
  if (outdir) {
    await target.build(outdir);
    continue;
  }
  const current = fingerprint(target.inputs);
  if (options.changed && existsSync(target.output()) && readStamp(name) === current) continue;
  // Removed first: a build that fails or is interrupted leaves no stamp, so the next start builds again.
  rmSync(stampFile(name), { force: true });
  await target.build();
  mkdirSync(fromRoot('dist'), { recursive: true });
  writeFileSync(stampFile(name), JSON.stringify({ fingerprint: current, builtAt: new Date().toISOString() }) + '\n');
}
