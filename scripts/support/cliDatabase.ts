import type { Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';

export interface CliDatabaseOptions {
  /** Pool connections the command needs. */
  poolSize: number;
  /**
   * Said after the lock's own message (src/db/embedded.ts) when another
   * process holds the embedded folder: how to go on with this command.
   */
  busyHint?: string;
}

/**
 * Opens the database of `config` for a command (npm run token, npm run seed),
 * runs `work` on it and closes it, however `work` ends. The database modules
 * (Prisma, PGlite) are loaded only now: they take a while, and a command
 * checks its arguments and input first so that a mistake is told at once.
 */
export async function withCliDatabase<T>(config: Config, options: CliDatabaseOptions, work: (database: Database) => Promise<T>): Promise<T> {
  const [{ openDatabase }, { EmbeddedDatabaseBusyError }] = await Promise.all([import('../../src/db/database.js'), import('../../src/db/embedded.js')]);
  let database: Database;
  try {
    database = await openDatabase({ ...config, databasePoolSize: options.poolSize });
  } catch (error) {
    // PGlite is one process at a time: a running server (or another command) holds the folder.
    if (error instanceof EmbeddedDatabaseBusyError && options.busyHint) throw new EmbeddedDatabaseBusyError(`${error.message}\n${options.busyHint}`, { cause: error });
    throw error;
  }
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
