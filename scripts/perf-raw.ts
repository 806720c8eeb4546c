import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { withDirectRawReads } from '../src/db/rawReads.js';
import type { Prisma } from '../src/generated/prisma/client.js';
import { perfOperations, readSamples } from './support/perfLoad.js';
import { recordRawStatements } from './support/rawStatements.js';
import { median } from '../bench/src/report.js';

/**
 * What Prisma's raw-query path costs in our process, next to running the same
 * statement through the `pg` pool (issue 13, item 4):
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<copy of a bench template> npx tsx scripts/perf-raw.ts [--rounds 5] [--runs 200]
 *
 * The statements are the real ones: the bench's five operations (one request
 * each) are sent to a server whose read client records every `$queryRaw`
 * (scripts/support/rawStatements.ts). Then, in rounds, each path (Prisma's
 * `$queryRaw`; the read client's, src/db/rawReads.ts; a bare `pool.query`)
 * runs every
 * recorded statement `runs` times, 10 at a time (the pool's size), and the
 * process's CPU time (user + system) is divided by the statements run: the
 * CPU one statement costs here, PostgreSQL's own time excluded (it is
 * another process). The paths alternate within each round; the median over
 * rounds is printed.
 */
const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    runs: { type: 'string', default: '200' },
  },
});

const config = loadConfig();
if (!config.databaseUrl) throw new Error('DATABASE_URL must name a copy of a bench database');
const database = await openDatabase({ ...config, databaseUrl: config.databaseUrl });

type Path = (sql: Prisma.Sql) => Promise<unknown>;
const direct = withDirectRawReads(database.prisma, database.pool);
const paths: Record<string, Path> = {
  'prisma.$queryRaw': (sql) => database.prisma.$queryRaw(sql),
  // src/db/rawReads.ts: the read client's $queryRaw.
  'direct (rawReads.ts)': (sql) => direct.$queryRaw(sql),
  // The floor: pg's own parsers, no check of the columns' types.
  'pg pool.query': (sql) => database.pool.query(sql.text, sql.values),
};

async function cpuPerStatement(path: Path, statements: Prisma.Sql[], runs: number): Promise<number> {
  const queue = Array.from({ length: runs }, () => statements).flat();
  const started = process.cpuUsage();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let sql = queue.pop(); sql; sql = queue.pop()) await path(sql);
    }),
  );
  const used = process.cpuUsage(started);
  return (used.user + used.system) / (runs * statements.length);
}


try {
  const samples = await readSamples(config.databaseUrl);
  const operations = perfOperations.map((operation) => ({ query: operation.query, variables: operation.variables(samples[operation.sample][0]) }));
  const statements = await recordRawStatements(database, operations);
  process.stdout.write(`${statements.length} raw statements recorded from the bench's five operations\n`);
  const results: Record<string, number[]> = {};
  for (let round = 0; round < Number(options.rounds); round += 1) {
    const order = Object.entries(paths);
    if (round % 2) order.reverse();
    for (const [name, path] of order) (results[name] ??= []).push(await cpuPerStatement(path, statements, Number(options.runs)));
  }
  for (const [name, values] of Object.entries(results)) {
    process.stdout.write(`${name.padEnd(20)} ${median(values).toFixed(0).padStart(6)} µs CPU per statement (rounds: ${values.map((value) => value.toFixed(0)).join(' ')})\n`);
  }
} finally {
  await database.close();
}
