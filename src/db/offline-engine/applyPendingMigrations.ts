import { migrationsDir } from '../paths.js';
import { folderMigrations, readMigrationsList } from './migrationsFolder.js';
import { historyIsUpToDate } from './upToDate.js';

export interface ApplyMigrationsOptions {
  /** The migrations folder; prisma/migrations by default. */
  migrationsDir?: string;
}

/**
 * Applies pending migrations, as `prisma migrate deploy` does (same engine,
 * same `_prisma_migrations` history), without the Prisma CLI: this runs at
 * start-up, in `npm run db:migrate` and for each test database. Returns the
 * names of the migrations it applied; none when up to date.
 *
 * The usual start finds nothing to do: one plain query on the history says
 * so, and the WebAssembly engine is not even loaded.
 */
export async function applyPendingMigrations(connectionString: string, options: ApplyMigrationsOptions = {}): Promise<string[]> {
  const migrationsList = readMigrationsList(options.migrationsDir ?? migrationsDir);
  if (await historyIsUpToDate(connectionString, folderMigrations(migrationsList))) return [];
  const { noSchemaFilter, withSchemaEngine } = await import('./wasmEngine.js');
  return withSchemaEngine({ connectionString }, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noSchemaFilter });
    return appliedMigrationNames;
  });
}
