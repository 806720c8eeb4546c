import { noSchemaFilter, readMigrationsList, withSchemaEngine } from './schemaEngine.js';

/**
 * Applies pending migrations from prisma/migrations, as `prisma migrate
 * deploy` does (same engine, same `_prisma_migrations` history), without the
 * Prisma CLI: this runs at start-up and in `npm run db:migrate`.
 * Returns the names of the migrations it applied; none when up to date.
 */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  return withSchemaEngine({ connectionString }, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrationsList(),
      filters: noSchemaFilter,
    });
    return appliedMigrationNames;
  });
}
