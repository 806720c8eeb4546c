import { buildSchema, parse } from 'graphql';
import pg from 'pg';
import { operations } from '../bench/src/operations.js';
import { compileOperation } from '../src/graphql/compiled/compiler.js';
import { compilerRegistry } from '../src/graphql/compiled/registry.js';
import { typeDefs } from '../src/schema.js';

/**
 * The plans of the compiled statements of the bench's five operations
 * (src/graphql/compiled/), run with EXPLAIN ANALYZE on a bench database:
 *
 *   npx tsx scripts/compiled-explain.ts postgresql://postgres@127.0.0.1:5432/<copy of a bench template> [operation] [full]
 *
 * Prints the sequential scans, sorts and timings of each plan (`full`: the
 * whole plan). Samples: the member with the most papers (the largest
 * profile), the topic with the most researchers, the search `learning`.
 */
const [url, only, full] = process.argv.slice(2);
if (!url) throw new Error('usage: npx tsx scripts/compiled-explain.ts <database url> [operation] [full]');
const schema = buildSchema(typeDefs);
const pool = new pg.Pool({ connectionString: url });
try {
  const first = async (sql: string) => (await pool.query<{ slug: string }>(sql)).rows[0]!.slug;
  const member = await first('SELECT r.slug FROM researcher r JOIN authorship a ON a.researcher_id = r.id WHERE r.is_member GROUP BY r.id ORDER BY count(*) DESC LIMIT 1');
  const topic = await first('SELECT t.slug FROM topic t JOIN researcher_topic rt ON rt.topic_id = t.id GROUP BY t.id ORDER BY count(*) DESC LIMIT 1');
  const samples = { member, topic, search: 'learning', none: undefined };
  for (const operation of operations) {
    if (only && operation.name !== only) continue;
    const sql = compileOperation(schema, compilerRegistry, parse(operation.ours), undefined, operation.variables(samples[operation.sample]));
    if (!sql) throw new Error(`${operation.name} is not compiled`);
    const plan = await pool.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql.text}`, values: sql.values });
    const lines = plan.rows.map((row) => row['QUERY PLAN']);
    console.log(`=== ${operation.name}\n${(full ? lines : lines.filter((line) => /Seq Scan|Sort|Execution Time|Planning Time/u.test(line))).join('\n')}`);
  }
} finally {
  await pool.end();
}
