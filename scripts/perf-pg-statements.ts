import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { median } from '../bench/src/report.js';
import { perfOperations, readSamples } from './support/perfLoad.js';

/**
 * PostgreSQL's CPU per compiled statement (src/graphql/compiled/) of two
 * checkouts, without the servers: for a change to the shape of the SQL,
 * what scripts/perf-pg-cpu.ts measures under HTTP load, minus the load's noise.
 *
 *   npx tsx scripts/perf-pg-statements.ts --database postgresql://postgres@127.0.0.1:5432/<copy of a bench template> \
 *     --a /path/to/baseline-checkout --b . [--ops newest,profile] [--rounds 30] [--batch 25] [--named a,b]
 *
 * Each checkout's own compiler (its src/, through tsx) writes the statement
 * of each sample of the operation, once. Both sides' answers must be the
 * same JSON value for every sample (a shape that changes the data is not
 * measured). Then A and B, each on its own connection, take turns running
 * `batch` statements, A first on even rounds; a backend's CPU is read from
 * /proc/<pid>/schedstat (nanoseconds: PostgreSQL must run on this machine).
 * `--named a` sends A's statements as named prepared statements (parsed and
 * planned once per connection), to tell planning from execution.
 * Printed per operation: the median over rounds of each side's CPU ms per statement.
 */
const { values: options } = parseArgs({
  options: {
    database: { type: 'string' },
    a: { type: 'string' },
    b: { type: 'string' },
    ops: { type: 'string', default: 'newest,profile' },
    rounds: { type: 'string', default: '30' },
    batch: { type: 'string', default: '25' },
    named: { type: 'string', default: '' },
  },
});

interface Statement {
  text: string;
  values: unknown[];
}

/** The compiled statements of `query` for each variables object, by the compiler of the checkout at `dir`. */
async function compiledBy(dir: string, query: string, variables: Record<string, string>[]): Promise<Statement[]> {
  // Each checkout's own graphql module: a schema built by one copy is refused by another.
  const graphql = (await import(path.join(dir, 'node_modules/graphql/index.js'))) as typeof import('graphql');
  const { typeDefs } = (await import(path.join(dir, 'src/schema.ts'))) as typeof import('../src/schema.js');
  const { compileOperation } = (await import(path.join(dir, 'src/graphql/compiled/compiler.ts'))) as typeof import('../src/graphql/compiled/compiler.js');
  const { compilerRegistry } = (await import(path.join(dir, 'src/graphql/compiled/registry.ts'))) as typeof import('../src/graphql/compiled/registry.js');
  const schema = graphql.buildSchema(typeDefs);
  const document = graphql.parse(query);
  return variables.map((each) => {
    const statement = compileOperation(schema, compilerRegistry, document, undefined, each);
    if (!statement) throw new Error(`${dir}: not compiled: ${query}`);
    return { text: statement.text, values: statement.values };
  });
}

const cpuMsOf = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;

async function main(): Promise<void> {
  if (!options.database || !options.a || !options.b) throw new Error('--database, --a and --b are required');
  const samples = await readSamples(options.database);
  const sides = ['a', 'b'] as const;
  const clients = await Promise.all(
    sides.map(async () => {
      const client = new pg.Client({ connectionString: options.database });
      await client.connect();
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      return { client, pid: rows[0]!.pid };
    }),
  );
  const named = options.named.split(',');
  try {
    console.log(`A: ${options.a}${named.includes('a') ? ' (named)' : ''}\nB: ${options.b}${named.includes('b') ? ' (named)' : ''}`);
    for (const name of options.ops.split(',')) {
      const operation = perfOperations.find((candidate) => candidate.name === name);
      if (!operation) throw new Error(`unknown operation ${name}`);
      const variables = samples[operation.sample].map((value) => operation.variables(value));
      const statements = await Promise.all(sides.map((side) => compiledBy(path.resolve(options[side]!), operation.query, variables)));
      const run = (index: number, statement: Statement) =>
        clients[index]!.client.query<{ data: unknown }>({
          text: statement.text,
          values: statement.values,
          ...(named.includes(sides[index]!) ? { name: `perf_${statement.text.length}` } : {}),
        });
      for (const [sample, statement] of statements[0]!.entries()) {
        const [a, b] = [(await run(0, statement)).rows[0]?.data, (await run(1, statements[1]![sample]!)).rows[0]?.data];
        if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${name}: A and B answer ${JSON.stringify(variables[sample])} differently`);
      }
      const cpu: number[][] = [[], []];
      for (let round = 0; round < Number(options.rounds); round += 1) {
        for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
          const before = cpuMsOf(clients[index]!.pid);
          for (let k = 0; k < Number(options.batch); k += 1) await run(index, statements[index]![(round * Number(options.batch) + k) % variables.length]!);
          cpu[index]!.push((cpuMsOf(clients[index]!.pid) - before) / Number(options.batch));
        }
      }
      const [a, b] = cpu.map((values) => median(values));
      console.log(`${name.padEnd(10)} postgres cpu ms/statement A ${a!.toFixed(3)}  B ${b!.toFixed(3)}  A÷B ${(a! / b!).toFixed(2)}×`);
    }
  } finally {
    await Promise.all(clients.map(({ client }) => client.end()));
  }
}

await main();
