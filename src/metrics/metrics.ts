import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { importChannel, type ImportOutcome } from './imports.js';
import { countStatementsOf } from './statements.js';

/**
 * The Prometheus metrics of one app instance, in a registry of its own (not
 * prom-client's global one): tests run several instances in one process.
 */
export interface AppMetrics {
  registry: Registry;
  requests: Counter<'operation' | 'outcome'>;
  duration: Histogram<'operation'>;
  errors: Counter<'code'>;
  statements: Histogram<'operation'>;
  batchSize: Histogram;
  /** Stops listening to the pool and to imports. */
  close(): void;
}

/** Metrics over `pool` (the database's connections) and the imports this process runs. */
export function createMetrics(pool: pg.Pool): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  /** A histogram in this registry: the four below differ only in name, help text, buckets and labels (none unless given). */
  const histogram = <Label extends string = never>(name: string, help: string, buckets: number[], labelNames: readonly Label[] = []) =>
    new Histogram<Label>({ name, help, buckets, labelNames, registers: [registry] });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, or the code of the first error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = histogram('graphql_request_duration_seconds', 'Time from receiving a GraphQL request to sending its response, by operation name.',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], ['operation']);
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors sent in GraphQL responses, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const statements = histogram('graphql_sql_statements_per_request', 'SQL statements sent to the database for one GraphQL request (Prisma and raw SQL), by operation name.',
    [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89], ['operation']);
  const batchSize = histogram('dataloader_batch_size', 'Keys in one DataLoader batch (one statement loads them all).', [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
  new Gauge({
    name: 'db_pool_connections_in_use',
    help: 'Database pool connections checked out by a query or transaction.',
    registers: [registry],
    collect() {
      this.set(pool.totalCount - pool.idleCount);
    },
  });
  new Gauge({
    name: 'db_pool_connections_idle',
    help: 'Database pool connections open and free.',
    registers: [registry],
    collect() {
      this.set(pool.idleCount);
    },
  });
  new Gauge({
    name: 'db_pool_waiting_requests',
    help: 'Queries waiting for a free database pool connection.',
    registers: [registry],
    collect() {
      this.set(pool.waitingCount);
    },
  });
  const importRuns = new Counter({
    name: 'import_runs_total',
    help: 'Profile imports run by this process (start-up seed and later ones), by outcome: ok, dry_run or failed.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const importRows = new Counter({
    name: 'import_rows_total',
    help: 'Rows seen by profile imports of this process, by kind (researcher, publication…) and outcome (created, updated, unchanged, deleted).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const importDuration = histogram('import_duration_seconds', 'Duration of profile imports run by this process.', [0.1, 0.5, 1, 5, 15, 60, 300, 900]);

  const onImport = (message: unknown) => {
    const { report, durationSeconds } = message as ImportOutcome;
    importDuration.observe(durationSeconds);
    importRuns.inc({ outcome: !report ? 'failed' : report.dryRun ? 'dry_run' : 'ok' });
    if (!report || report.dryRun) return;
    for (const [kind, outcomes] of Object.entries(report.counts)) {
      for (const [outcome, rows] of Object.entries(outcomes)) importRows.inc({ kind, outcome }, rows);
    }
  };
  importChannel.subscribe(onImport);
  const stopCounting = countStatementsOf(pool);

  return {
    registry,
    requests,
    duration,
    errors,
    statements,
    batchSize,
    close() {
      importChannel.unsubscribe(onImport);
      stopCounting();
    },
  };
}
