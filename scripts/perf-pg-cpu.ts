import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { median } from '../bench/src/report.js';
import { bodiesOf, cpuMsOf, envOf, killPerfServers, load, perfOperations, readSamples, startPerfServer, type PerfServer } from './support/perfLoad.js';

/**
 * PostgreSQL's CPU per request, next to our server's, for two builds (or one
 * build under two settings): what scripts/perf-ab.ts cannot see, since the
 * statements' parsing, planning and execution happen in PostgreSQL's backends.
 *
 *   npx tsx scripts/perf-pg-cpu.ts --database postgresql://postgres@127.0.0.1:5432/<copy of a bench template> \
 *     --a /path/to/baseline-checkout --b . [--a-env K=V,…] [--b-env K=V,…] [--ops topic,profile] [--rounds 3] [--seconds 8]
 *
 * Each server gets its own application_name (PGAPPNAME), so that its pool's
 * backends are found in pg_stat_activity; their CPU (user + system, from
 * /proc: PostgreSQL must run on this machine) is summed before and after each
 * load, after a warm-up that opens the pool's connections. A and B take turns,
 * A first on even rounds. Printed per operation: medians of both CPUs per request.
 */
const { values: options } = parseArgs({
  options: {
    database: { type: 'string' },
    a: { type: 'string' },
    b: { type: 'string' },
    'a-env': { type: 'string', default: '' },
    'b-env': { type: 'string', default: '' },
    ops: { type: 'string', default: 'profile,newest,topic,coauthors' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
  },
});

/** CPU ms so far of each backend of `applicationName` (a backend that ended meanwhile reads as absent). */
async function backendsCpu(client: pg.Client, applicationName: string): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      cpu.set(pid, cpuMsOf(pid));
    } catch {
      // Ended between the two reads.
    }
  }
  return cpu;
}

async function main(): Promise<void> {
  if (!options.database || !options.a || !options.b) throw new Error('--database, --a and --b are required');
  const samples = await readSamples(options.database);
  const monitor = new pg.Client({ connectionString: options.database });
  await monitor.connect();
  const servers: (PerfServer & { appName: string })[] = [];
  try {
    for (const side of ['a', 'b'] as const) {
      const appName = `perf-pg-cpu-${side}-${process.pid}`;
      const server = await startPerfServer({
        label: side.toUpperCase(),
        dir: path.resolve(options[side]!),
        databaseUrl: options.database,
        env: { ...envOf(options[`${side}-env`]), PGAPPNAME: appName },
      });
      servers.push({ ...server, appName });
    }
    console.log(`A: ${options.a} ${options['a-env']}\nB: ${options.b} ${options['b-env']}`);
    const results = new Map<string, { server: number[]; postgres: number[] }[]>();
    for (let round = 0; round < Number(options.rounds); round += 1) {
      for (const name of options.ops.split(',')) {
        const operation = perfOperations.find((candidate) => candidate.name === name)!;
        const bodies = bodiesOf(operation, samples);
        const order = round % 2 === 0 ? [0, 1] : [1, 0];
        for (const index of order) {
          const server = servers[index]!;
          await load(server.url, bodies, Number(options.connections), Number(options.warmup));
          const before = await backendsCpu(monitor, server.appName);
          const started = performance.now();
          const measured = await load(server.url, bodies, Number(options.connections), Number(options.seconds), server.pid);
          const requests = measured.rps * ((performance.now() - started) / 1000);
          const after = await backendsCpu(monitor, server.appName);
          let postgresMs = 0;
          for (const [pid, cpu] of after) postgresMs += cpu - (before.get(pid) ?? 0);
          const sides = results.get(name) ?? [
            { server: [], postgres: [] },
            { server: [], postgres: [] },
          ];
          sides[index]!.server.push(measured.cpuMsPerRequest);
          sides[index]!.postgres.push(postgresMs / requests);
          results.set(name, sides);
          console.log(`round ${round + 1} ${name.padEnd(10)} ${server.label}  ${measured.rps.toFixed(1)} rps  server ${measured.cpuMsPerRequest.toFixed(2)} cpu ms/req  postgres ${(postgresMs / requests).toFixed(2)} cpu ms/req`);
        }
      }
    }
    console.log('\noperation   server cpu ms/req A / B (medians)   postgres cpu ms/req A / B (medians)   postgres A÷B');
    for (const [name, [a, b]] of results) {
      const pgA = median(a!.postgres);
      const pgB = median(b!.postgres);
      console.log(`${name.padEnd(11)} ${median(a!.server).toFixed(2)} / ${median(b!.server).toFixed(2)}                         ${pgA.toFixed(2)} / ${pgB.toFixed(2)}                           ${(pgA / pgB).toFixed(2)}×`);
    }
  } finally {
    for (const server of servers) await server.stop();
    await monitor.end();
  }
}

main().catch((error: unknown) => {
  killPerfServers();
  console.error(error);
  process.exit(1);
});
