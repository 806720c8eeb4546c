import pg from 'pg';

/**
 * `schema-engine cli <command>`: the one-shot commands the Prisma CLI runs
 * before a migration (can the database be reached, create it if missing).
 * Plain SQL through pg: the WebAssembly engine is not needed for them.
 * Failures are reported as the native engine does: a JSON log line with an
 * error code, on stderr.
 */
export async function runCliCommand(command: string, url: string | undefined): Promise<number> {
  logLine('INFO', `schema-engine cli ${command}`); // the CLI skips the first line of stderr
  if (url === undefined) {
    // The embedded database: PGlite creates its data folder on first open.
    if (command === 'can-connect-to-database' || command === 'create-database') return 0;
    reportCliError('P1012', `${command} is not supported on the embedded database; delete its data folder instead.`);
    return 1;
  }
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1)) || 'postgres';
  try {
    if (command === 'can-connect-to-database') {
      await runStatement(url, 'SELECT 1');
    } else if (command === 'create-database' || command === 'drop-database') {
      target.pathname = '/postgres';
      const verb = command === 'create-database' ? 'CREATE' : 'DROP';
      await runStatement(target.toString(), `${verb} DATABASE "${database.replaceAll('"', '""')}"`);
    } else {
      reportCliError('P1012', `Unknown schema engine command: ${command}`);
      return 1;
    }
    return 0;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    // Map PostgreSQL's answer to the codes the CLI knows how to explain.
    const prismaCode = code === '3D000' ? 'P1003' : code === '28P01' || code === '28000' ? 'P1000' : 'P1001';
    reportCliError(prismaCode, prismaCode === 'P1003' ? `Database \`${database}\` does not exist` : message);
    return 1;
  }
}

/** Writes a log line in the native engine's format, which the CLI reads from stderr. */
export function logLine(level: 'INFO' | 'ERROR', message: string): void {
  process.stderr.write(`${JSON.stringify({ level, fields: { message } })}\n`);
}

function reportCliError(errorCode: string, message: string): void {
  process.stderr.write(
    `${JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields: { error_code: errorCode, message } })}\n`,
  );
}

async function runStatement(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
