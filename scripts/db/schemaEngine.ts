/**
 * Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm), driven through driver adapters.
 * This replaces `prisma migrate dev`, whose native schema-engine binary cannot be downloaded here.
 *
 * Workarounds (see shared/PLATFORM.md):
 * - Node 20 cannot `import` a .wasm file, so the module is compiled and wired up by hand.
 * - better-sqlite3 `prepare()` rejects multi-statement SQL, but the engine sends whole migration scripts
 *   through `executeRaw` when replaying migrations on the shadow database: those go to `executeScript`.
 * - adapter-pg cannot read columns of type "char" (OID 18, used by pg_catalog): a pg.Client subclass
 *   reports them as text. adapter-pg's own connectToShadowDb drops the shadow database before closing
 *   its pool and never closes the admin pool, so the shadow database is managed here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

let initialized = false;

// tsconfig's lib (ES2023, no DOM) has no WebAssembly typings: declare the two constructors used.
const WA = (globalThis as unknown as {
  WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  };
}).WebAssembly;

/** Compiles and starts the WASM module once per process (~0.1–0.3 s). */
function initWasm(): void {
  if (initialized) return;
  const pkgDir = dirname(createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm'));
  const module = new WA.Module(readFileSync(join(pkgDir, 'schema_engine_bg.wasm')));
  // The wasm-bindgen glue module is the wasm's only import namespace.
  const instance = new WA.Instance(module, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  initialized = true;
}

/** Routes multi-statement, argument-free SQL to executeScript (better-sqlite3 prepares one statement). */
function scriptTolerant(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (err) {
      if (query.args.length === 0 && /more than one statement/.test(String((err as Error)?.message))) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw err;
    }
  };
  return adapter;
}

/** SQLite: the shadow database is an in-memory database (adapter default). */
export function sqliteMigrationFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url });
  return {
    provider: 'sqlite',
    adapterName: inner.adapterName,
    connect: async () => scriptTolerant(await inner.connect()),
    connectToShadowDb: async () => scriptTolerant(await inner.connectToShadowDb()),
  };
}

type QueryResultLike = { fields?: { dataTypeID: number }[] };
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

function textifyChar<T>(res: T): T {
  for (const r of (Array.isArray(res) ? res : [res]) as QueryResultLike[]) {
    for (const f of r?.fields ?? []) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_TEXT_OID;
  }
  return res;
}

/** pg.Client whose results report catalog "char" columns as text, which adapter-pg understands. */
class CatalogSafeClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: Error | null, res: unknown) => last(err, err ? res : textifyChar(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args) as Promise<unknown> | undefined;
    return out && typeof out.then === 'function' ? out.then(textifyChar) : out;
  }
}

function pgPool(connectionString: string, database?: string): pg.Pool {
  return new pg.Pool({ connectionString, ...(database ? { database } : {}), Client: CatalogSafeClient, max: 2 });
}

/**
 * adapter-pg's executeScript splits a script on every ";" — also one inside a comment or a string literal,
 * so a hand-added `-- …; …` comment in a migration broke the replay on the shadow database ("syntax error
 * at or near …"). PostgreSQL's simple query protocol runs a whole multi-statement script as one query.
 */
async function connectWholeScripts(pool: pg.Pool) {
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  adapter.executeScript = async (script) => {
    await pool.query(script);
  };
  return adapter;
}

/**
 * PostgreSQL: `url` is the database to work on; the shadow database is created on the same server
 * (`shadowServerUrl`, default `url`) with a random name and dropped on dispose, after its pool is closed.
 */
export function postgresMigrationFactory(url: string, shadowServerUrl = url): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectWholeScripts(pgPool(url)),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ connectionString: shadowServerUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } catch (err) {
        await admin.end();
        throw err;
      }
      const adapter = await connectWholeScripts(pgPool(shadowServerUrl, name));
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        try {
          await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await admin.end();
        }
      };
      return adapter;
    },
  };
}

/**
 * Creates a schema engine over `factory`. `datamodels` are [path, content] pairs of the Prisma schema.
 * Call `engine.free()` and dispose the factory's connections when done; the engine leaves timers
 * armed, so CLI scripts should end with an explicit process.exit.
 */
export async function createSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  datamodels: [string, string][] | undefined,
  log: (msg: string) => void = () => {},
): Promise<bg.SchemaEngine> {
  initWasm();
  return bg.SchemaEngine.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(factory));
}
