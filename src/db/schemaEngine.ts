import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';
import { startEmbeddedPostgres } from './embedded.js';
import { migrationsDir, prismaSchemaPath } from './paths.js';

/**
 * Prisma's schema engine (migrations, diff, introspection), compiled to
 * WebAssembly and published on npm. The Prisma CLI would download a native
 * binary of the same engine, which this network cannot reach; this one ships
 * in node_modules and talks to the database through the pg driver adapter.
 */

export type { SchemaEngine };

const require = createRequire(import.meta.url);

type WasmBindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
let bindings: Promise<WasmBindings> | undefined;

/** The engine reports a Rust panic here before it throws; the message is the only clue to it. */
const panics: string[] = [];
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    panics.push(message);
  },
};

/** The last panic message of the engine, if any, taken once. */
export function takePanicMessage(): string | undefined {
  return panics.splice(0).at(-1);
}

function loadBindings(): Promise<WasmBindings> {
  bindings ??= (async () => {
    const modulePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = (await import(modulePath)) as WasmBindings;
    const wasm = fs.readFileSync(path.join(path.dirname(modulePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

/** The engine's version: the commit of prisma-engines it was built from. */
export async function schemaEngineVersion(): Promise<string> {
  return (await loadBindings()).version();
}

export interface SchemaEngineOptions {
  connectionString: string;
  /** `[path, content]` pairs of the Prisma schema files; defaults to prisma/schema.prisma. */
  datamodels?: [string, string][];
  /** Receives the engine's JSON log lines. */
  log?: (line: string) => void;
}

const PG_CHAR_OID = 18; // the one-byte internal "char" type of pg_catalog (relkind, contype…)
const PG_TEXT_OID = 25;
const charColumns = Symbol('charColumns');

type PgQueryable = Pick<PgAdapter, 'queryRaw'> & {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[]; rows: unknown[] }>;
};

/**
 * The engine's introspection reads pg_catalog columns of type "char", which
 * @prisma/adapter-pg refuses ("Column type 'char' could not be
 * deserialized"). The native engine reads them as characters; so does this
 * wrapper: performIO lets them through as text and marks them on the rows
 * array, which queryRaw returns as is, and queryRaw then types them Character.
 */
function readCatalogChars<T extends object>(target: T): T {
  const queryable = target as unknown as PgQueryable;
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const indexes = result.fields.flatMap((field, index) => (field.dataTypeID === PG_CHAR_OID ? [index] : []));
    for (const index of indexes) result.fields[index]!.dataTypeID = PG_TEXT_OID;
    Object.assign(result.rows, { [charColumns]: indexes });
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of (result.rows as { [charColumns]?: number[] })[charColumns] ?? []) {
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return result;
  };
  return target;
}

/** Adapts a connected PrismaPg adapter, and every transaction it opens, for the schema engine. */
function forSchemaEngine(adapter: PgAdapter): PgAdapter {
  readCatalogChars(runScriptsWhole(adapter));
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => readCatalogChars(await startTransaction(isolationLevel));
  return adapter;
}

/** PrismaPg, with shadow databases that work on PGlite too (it cannot CREATE DATABASE and connect to it). */
class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super({ connectionString });
  }

  /**
   * PrismaPg's own version keeps the connection string, which wins over the
   * database it sets, so its "shadow" database would be the main one.
   */
  /** Connections the engine opened; it never closes them itself. */
  private readonly opened: PgAdapter[] = [];

  override async connect() {
    const adapter = forSchemaEngine(await super.connect());
    this.opened.push(adapter);
    return adapter;
  }

  async disposeAll(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((adapter) => adapter.dispose()));
  }

  override async connectToShadowDb() {
    const main = await super.connect(); // not in `opened`: the shadow cleanup disposes it
    // PGlite serves one database per process, also when reached by URL: its
    // shadow is another PGlite, in memory.
    const [version] = (await main.queryRaw({ sql: 'SELECT version()', args: [], argTypes: [] })).rows[0] ?? [];
    if (String(version).includes('PGlite')) {
      await main.dispose();
      const shadow = await startEmbeddedPostgres({ dataDir: undefined, maxConnections: 4 });
      return withCleanup(forSchemaEngine(await new PrismaPg({ connectionString: shadow.connectionString }).connect()), () =>
        shadow.stop(),
      );
    }
    const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const url = new URL(this.connectionString);
    url.pathname = `/${name}`;
    return withCleanup(forSchemaEngine(await new PrismaPg({ connectionString: url.toString() }).connect()), async () => {
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await main.dispose();
    });
  }

}

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * Migration scripts run whole: PrismaPg splits them on every ";", which cuts
 * a PL/pgSQL function body in pieces. PostgreSQL's simple query protocol runs
 * a multi-statement script itself, as one implicit transaction.
 */
function runScriptsWhole(adapter: PgAdapter): PgAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

/** Runs `cleanup` after the adapter's own dispose. */
function withCleanup<T extends { dispose(): Promise<void> }>(adapter: T, cleanup: () => Promise<void>): T {
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await cleanup();
  };
  return adapter;
}

/** The engine and a way to release it with every connection it opened. */
export interface SchemaEngineHandle {
  engine: SchemaEngine;
  close(): Promise<void>;
}

export async function openSchemaEngine(options: SchemaEngineOptions): Promise<SchemaEngineHandle> {
  const { SchemaEngine } = await loadBindings();
  const datamodels = options.datamodels ?? [[prismaSchemaPath, fs.readFileSync(prismaSchemaPath, 'utf8')]];
  const factory = new MigrationAdapterFactory(options.connectionString);
  const engine = await SchemaEngine.new({ datamodels }, options.log ?? (() => undefined), bindMigrationAwareSqlAdapterFactory(factory));
  return {
    engine,
    async close() {
      engine.free();
      await factory.disposeAll();
    },
  };
}

/** Runs `work` with a schema engine, then releases it. */
export async function withSchemaEngine<T>(options: SchemaEngineOptions, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const handle = await openSchemaEngine(options);
  try {
    return await work(handle.engine);
  } finally {
    await handle.close();
  }
}

export const noSchemaFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * The SQL that takes a database built by the migrations folder to the given
 * schema files (applied on a shadow database), or null when they agree: the
 * drift check, and what `migrate dev` writes as a new migration.
 */
export async function migrationsToSchema(
  engine: SchemaEngine,
  migrationsList: MigrationList,
  files: { path: string; content: string }[],
  filters: SchemaFilter = noSchemaFilter,
): Promise<string | null> {
  const diff = await engine.diff({
    from: { tag: 'migrations', ...migrationsList },
    to: { tag: 'schemaDatamodel', files },
    script: true,
    exitCode: null,
    filters,
  });
  const script = diff.stdout ?? '';
  // An empty diff is still a script: comments only ("-- This is an empty migration.").
  const hasStatements = script.split('\n').some((line) => line.trim() !== '' && !line.startsWith('--'));
  return hasStatements ? script : null;
}

/** prisma/migrations as the engine reads it: what the CLI builds before each call. */
export function readMigrationsList(baseDir: string = migrationsDir): MigrationList {
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const directories = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => {
      const file = path.join(baseDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file)
            ? { tag: 'ok' as const, value: fs.readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `${file} does not exist` },
        },
      };
    }),
  };
}
