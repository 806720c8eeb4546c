import pg from 'pg';

/**
 * Waits until no statement runs on the run's database (other than this
 * check), at most `maxSeconds`. autocannon stops at the end of a measurement
 * with requests still in flight; the server goes on with them, and a slow
 * page (a broad search at scale L) would keep PostgreSQL busy through the
 * next system's measurement. The bench waits for them between
 * measurements, so that each system is measured on an idle database.
 */
export async function waitForIdleDatabase(url: string, maxSeconds = 120): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  // Idle on three checks in a row: a server between two statements of one request shows none for a moment.
  let idleChecks = 0;
  try {
    for (;;) {
      const { rows } = await client.query<{ active: number }>(
        `SELECT count(*)::int AS active FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      const waited = (performance.now() - started) / 1000;
      idleChecks = rows[0]!.active === 0 ? idleChecks + 1 : 0;
      if (idleChecks >= 3 || waited >= maxSeconds) return waited;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}
