import pg from 'pg';
import type { FolderMigration } from './migrationsFolder.js';

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished: boolean;
  rolled_back: boolean;
}

/**
 * True when `_prisma_migrations` already records every migration of the
 * folder as applied, unchanged, and nothing else: then the schema engine
 * (WebAssembly, a second or more to load and run on a busy machine) has
 * nothing to do at start-up. Any doubt (no table, a failed, rolled-back,
 * edited or unknown migration, an error) answers false, and the engine
 * decides and reports as `prisma migrate deploy` does.
 */
export async function historyIsUpToDate(connectionString: string, folder: FolderMigration[]): Promise<boolean> {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    const table = await client.query<{ exists: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists");
    if (!table.rows[0]?.exists) return false;
    const history = await client.query<HistoryRow>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
         FROM _prisma_migrations`,
    );
    return historyCovers(history.rows, folder);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function historyCovers(rows: HistoryRow[], folder: FolderMigration[]): boolean {
  const live = rows.filter((row) => !row.rolled_back);
  // A started but unfinished migration is a failed one: the engine refuses to go on (P3009).
  if (live.some((row) => !row.finished)) return false;
  const applied = new Map(live.map((row) => [row.migration_name, row.checksum]));
  const names = new Set(folder.map((migration) => migration.name));
  if ([...applied.keys()].some((name) => !names.has(name))) return false;
  return folder.every((migration) => migration.checksum !== undefined && applied.get(migration.name) === migration.checksum);
}
