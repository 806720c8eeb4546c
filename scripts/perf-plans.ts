import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { statementName } from '../src/db/preparedStatements.js';
import { perfOperations, readSamples } from './support/perfLoad.js';
import { recordRawStatements } from './support/rawStatements.js';
import { median } from '../bench/src/report.js';

/**
 * Generic against custom plans, and JIT, for the bench's statements as named
 * prepared statements (src/db/preparedStatements.ts):
 *
 *   npx tsx scripts/perf-plans.ts --database postgresql://postgres@127.0.0.1:5432/<copy of a bench template> [--runs 10] [--ops search,…]
 *
 * Records the raw statements of the bench's operations (every sample value),
 * then for each statement on one connection: whether EXPLAIN ANALYZE of it
 * (as sent, unnamed) shows JIT; the plan PostgreSQL settles on once the named
 * statement has run `runs` times over the sample values (pg_prepared_statements'
 * generic_plans and custom_plans); and, for each value, the time of a forced
 * custom plan against a forced generic one (planning + execution, median of 3),
 * so that a generic plan that scans more shows as slower.
 */
const { values: options } = parseArgs({
  options: { database: { type: 'string' }, runs: { type: 'string', default: '10' }, ops: { type: 'string', default: perfOperations.map((operation) => operation.name).join(',') } },
});
const chosenOperations = perfOperations.filter((operation) => options.ops.split(',').includes(operation.name));


/** A parameter as text, an array as PostgreSQL's {…} literal (the statements' values are numbers, texts and arrays of them). */
const textOf = (item: unknown): string =>
  Array.isArray(item) ? `{${item.map((element) => (element === null ? 'NULL' : `"${String(element).replace(/["\\]/gu, '\\$&')}"`)).join(',')}}` : String(item);


async function main(): Promise<void> {
  if (!options.database) throw new Error('--database is required');
  const samples = await readSamples(options.database);
  const database = await openDatabase({ databaseUrl: options.database, pgliteDataDir: '', databasePoolSize: 1 });
  const byText = new Map<string, { operation: string; values: unknown[][] }>();
  try {
    for (const operation of chosenOperations) {
      const requests = samples[operation.sample].map((value) => ({ query: operation.query, variables: operation.variables(value) }));
      for (const sql of await recordRawStatements(database, requests)) {
        const entry = byText.get(sql.text) ?? { operation: operation.name, values: [] };
        entry.values.push(sql.values);
        byText.set(sql.text, entry);
      }
    }
  } finally {
    await database.close();
  }

  const client = new pg.Client({ connectionString: options.database });
  await client.connect();
  const explain = async (text: string, values: unknown[]) =>
    ((await client.query<{ 'QUERY PLAN': [{ 'Planning Time': number; 'Execution Time': number; JIT?: unknown }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values)).rows[0]!['QUERY PLAN'][0]);
  try {
    console.log(`jit=${(await client.query<{ jit: string }>('SHOW jit')).rows[0]!.jit}`);
    for (const [text, { operation, values }] of byText) {
      const name = statementName(text);
      let jit = false;
      for (const value of values) jit ||= (await explain(text, value)).JIT !== undefined;
      for (let run = 0; run < Number(options.runs); run += 1) await client.query({ name, text, values: values[run % values.length] });
      const [counts] = (await client.query<{ generic_plans: string; custom_plans: string }>('SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1', [name])).rows;
      // EXECUTE takes no parameters of its own: the values go in as literals, each read as its parameter's type.
      const literals = (value: unknown[]) => value.map((item) => (item === null ? 'NULL' : client.escapeLiteral(textOf(item)))).join(', ');
      const timed = async (mode: string, value: unknown[]) => {
        await client.query(`SET plan_cache_mode = ${mode}`);
        const times: number[] = [];
        for (let repeat = 0; repeat < 3; repeat += 1) {
          const plan = await explain(`EXECUTE "${name}"(${literals(value)})`, []);
          times.push(plan['Planning Time'] + plan['Execution Time']);
        }
        return median(times);
      };
      const custom: number[] = [];
      const generic: number[] = [];
      for (const value of values) {
        custom.push(await timed('force_custom_plan', value));
        generic.push(await timed('force_generic_plan', value));
      }
      await client.query('RESET plan_cache_mode');
      const worst = Math.max(...values.map((_, index) => generic[index]! / custom[index]!));
      console.log(
        `${operation.padEnd(10)} ${name}  chosen after ${options.runs}: generic ${counts!.generic_plans} custom ${counts!.custom_plans}  JIT ${jit ? 'yes' : 'no'}  ` +
          `custom ${median(custom).toFixed(3)} ms generic ${median(generic).toFixed(3)} ms (median over ${values.length} values; worst generic/custom ${worst.toFixed(2)})  ${text.replace(/\s+/gu, ' ').slice(0, 90)}`,
      );
    }
  } finally {
    await client.end();
  }
}

await main();
