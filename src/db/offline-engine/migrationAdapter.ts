import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils';

/**
 * @prisma/adapter-pg as the schema engine needs it. Three of its behaviours
 * break migrations; each is worked around below, on the adapter instances
 * this factory hands out (never on the package's prototypes, which the app's
 * own Prisma Client shares). The methods touched are listed in upstream.ts,
 * and test/offline-engine.test.ts fails when an upgrade removes one.
 */

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

const PG_CHAR_OID = 18; // the one-byte internal "char" type of pg_catalog (relkind, contype…)
const PG_TEXT_OID = 25;
const charColumns = Symbol('charColumns');

/** The private part of adapter-pg's queryables (the adapter and its transactions) that the workarounds use. */
type PgQueryable = Pick<PgAdapter, 'queryRaw'> & {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[]; rows: unknown[] }>;
};

/**
 * The engine's introspection reads pg_catalog columns of type "char", which
 * @prisma/adapter-pg refuses ("Column type 'char' could not be
 * deserialized"); PostgreSQL 18 and PGlite also report NOT NULL constraints
 * through them. The native engine reads them as characters; so does this
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

/**
 * Migration scripts run whole: PrismaPg's executeScript splits them on every
 * ";", which cuts a PL/pgSQL function body (our search trigger) in pieces.
 * PostgreSQL's simple query protocol runs a multi-statement script itself, as
 * one implicit transaction. Errors go through the adapter's own onError, so
 * the engine gets them in the shape it knows.
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

/** Adapts a connected PrismaPg adapter, and every transaction it opens, for the schema engine. */
function forSchemaEngine(adapter: PgAdapter): PgAdapter {
  readCatalogChars(runScriptsWhole(adapter));
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => readCatalogChars(await startTransaction(isolationLevel));
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

/** PrismaPg for the schema engine: adapted connections, and shadow databases that are not the main one. */
export class MigrationAdapterFactory extends PrismaPg {
  /** Connections the engine opened; it never closes them itself. */
  private readonly opened: PgAdapter[] = [];

  constructor(private readonly connectionString: string) {
    super({ connectionString });
  }

  override async connect() {
    const adapter = forSchemaEngine(await super.connect());
    this.opened.push(adapter);
    return adapter;
  }

  async disposeAll(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((adapter) => adapter.dispose()));
  }

  /**
   * PrismaPg's own connectToShadowDb creates the shadow database, then opens
   * it with its config plus `database`, but the connection string in that
   * config wins: its "shadow" is the main database, which `migrate dev` would
   * wipe. This one names the shadow in the URL, and drops it when done.
   */
  override async connectToShadowDb() {
    const main = await super.connect(); // not in `opened`: the shadow's cleanup disposes it
    // PGlite serves one database per process, also when reached by URL (it
    // cannot CREATE DATABASE and connect to it): its shadow is another PGlite, in memory.
    const [version] = (await main.queryRaw({ sql: 'SELECT version()', args: [], argTypes: [] })).rows[0] ?? [];
    if (String(version).includes('PGlite')) {
      await main.dispose();
      const { startEmbeddedPostgres } = await import('../embedded.js'); // PGlite loads only where it is used
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
