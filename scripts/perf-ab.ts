import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median } from '../bench/src/report.js';
import { bodiesOf, checkAnswers, envOf, load, type LoadResult, perfOperations, type PerfServer, readSamples, runPerfScript, startPerfServer } from './support/perfLoad.js';

/**
 * Interleaved A/B of two builds of our server (or one build under two sets
 * of Node options) on the bench's five operations, as ratios within one run
 * (the machine is shared: figures across runs do not compare):
 *
 *   npx tsx scripts/perf-ab.ts --database postgresql://postgres@127.0.0.1:5432/<copy of a bench template> \
 *     --a /path/to/baseline-checkout --b . [--a-node-args=…] [--b-node-args=--max-semi-space-size=64] \
 *     [--rounds 3] [--seconds 8] [--warmup 2] [--connections 16] [--ops newest,profile] [--json out.json] [--together]
 *
 * Both servers run side by side for the whole run, started as the bench
 * starts ours (scripts/support/perfLoad.ts), each from its checkout's dist/.
 * First every request is sent once to both and their answers must be
 * byte-for-byte equal (a change that alters the data is not measured).
 * Then, per round and operation, each server in turn gets `warmup` seconds
 * of load and `seconds` measured, A first on even rounds and B first on odd
 * ones, so that a drift of the machine's load favours neither. With
 * `--together`, A and B are loaded at the same time instead (each with
 * `connections`): both then meet the same load of the machine at every
 * moment, and compete for the cores on equal terms, so that the one that
 * needs less CPU per request answers more. Printed per
 * operation: requests per second and the server's CPU time per request
 * (user + system, from /proc) of A and B, B÷A of the throughput and A÷B of
 * the CPU per request in each round, and the median of those ratios (above
 * 1: B is faster). On a shared machine the CPU per request is the steadier
 * of the two: throughput follows the share of the cores a server gets.
 */
const { values: options } = parseArgs({
  options: {
    database: { type: 'string' },
    a: { type: 'string' },
    b: { type: 'string' },
    'a-node-args': { type: 'string', default: '' },
    'b-node-args': { type: 'string', default: '' },
    'a-env': { type: 'string', default: '' },
    'b-env': { type: 'string', default: '' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    ops: { type: 'string', default: perfOperations.map((operation) => operation.name).join(',') },
    json: { type: 'string' },
    together: { type: 'boolean', default: false },
  },
});

const words = (text: string) => text.split(' ').filter(Boolean);

interface Round {
  a: LoadResult;
  b: LoadResult;
}

async function main(): Promise<void> {
  if (!options.database || !options.a || !options.b) throw new Error('--database, --a and --b are required (see the comment at the top of scripts/perf-ab.ts)');
  const rounds = Number(options.rounds);
  const seconds = Number(options.seconds);
  const warmup = Number(options.warmup);
  const connections = Number(options.connections);
  const chosen = options.ops.split(',');
  const operations = perfOperations.filter((operation) => chosen.includes(operation.name));
  const samples = await readSamples(options.database);
  const servers: PerfServer[] = [];
  try {
    // One after the other, each pushed as soon as it runs, so that a failed start still stops the other.
    for (const side of ['a', 'b'] as const) {
      servers.push(await startPerfServer({
        label: side.toUpperCase(),
        dir: path.resolve(options[side]!), // required above
        databaseUrl: options.database,
        nodeArgs: words(options[`${side}-node-args`]),
        env: envOf(options[`${side}-env`]),
      }));
    }
    const [a, b] = servers as [PerfServer, PerfServer];
    for (const operation of operations) {
      const bodies = bodiesOf(operation, samples);
      const [answersA, answersB] = [await checkAnswers(a.url, bodies), await checkAnswers(b.url, bodies)];
      answersA.forEach((answer, index) => {
        if (answer !== answersB[index]) throw new Error(`${operation.name}: A and B answer ${bodies[index]} differently:\nA ${answer.slice(0, 400)}\nB ${answersB[index]!.slice(0, 400)}`);
      });
    }
    process.stdout.write(
      `A: ${options.a} ${options['a-node-args']} ${options['a-env']}\nB: ${options.b} ${options['b-node-args']} ${options['b-env']}\n` +
        `${rounds} rounds, ${connections} connections, ${warmup} s warm-up + ${seconds} s measured per server and operation` +
        `${options.together ? ', A and B loaded at the same time' : ', A and B in turn'}; answers equal\n\n`,
    );
    const results: Record<string, Round[]> = {};
    for (let round = 0; round < rounds; round += 1) {
      for (const operation of operations) {
        const bodies = bodiesOf(operation, samples);
        const measured: Partial<Round> = {};
        if (options.together) {
          if (warmup > 0) await Promise.all([a, b].map((server) => load(server.url, bodies, connections, warmup)));
          [measured.a, measured.b] = await Promise.all([a, b].map((server) => load(server.url, bodies, connections, seconds, server.pid)));
        } else {
          for (const [label, server] of round % 2 === 0 ? ([['a', a], ['b', b]] as const) : ([['b', b], ['a', a]] as const)) {
            if (warmup > 0) await load(server.url, bodies, connections, warmup);
            measured[label] = await load(server.url, bodies, connections, seconds, server.pid);
          }
        }
        const done = measured as Round;
        (results[operation.name] ??= []).push(done);
        process.stdout.write(
          `round ${round + 1} ${operation.name.padEnd(10)} A ${done.a.rps.toFixed(1).padStart(6)} rps ${done.a.cpuMsPerRequest.toFixed(2).padStart(6)} cpu ms/req` +
            `  B ${done.b.rps.toFixed(1).padStart(6)} rps ${done.b.cpuMsPerRequest.toFixed(2).padStart(6)} cpu ms/req` +
            `  rps B÷A ${(done.b.rps / done.a.rps).toFixed(2)}  cpu/req A÷B ${(done.a.cpuMsPerRequest / done.b.cpuMsPerRequest).toFixed(2)}\n`,
        );
      }
    }
    process.stdout.write(
      '\noperation   rps A / B (medians)   rps B÷A per round → median   cpu ms/req A / B (medians)   cpu/req A÷B per round → median\n',
    );
    const list = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
    for (const [name, measured] of Object.entries(results)) {
      const rpsRatios = measured.map((round) => round.b.rps / round.a.rps);
      const cpuRatios = measured.map((round) => round.a.cpuMsPerRequest / round.b.cpuMsPerRequest);
      const rps = `${median(measured.map((round) => round.a.rps)).toFixed(1)} / ${median(measured.map((round) => round.b.rps)).toFixed(1)}`;
      const cpu = `${median(measured.map((round) => round.a.cpuMsPerRequest)).toFixed(2)} / ${median(measured.map((round) => round.b.cpuMsPerRequest)).toFixed(2)}`;
      process.stdout.write(
        `${name.padEnd(10)}  ${rps.padEnd(20)}  ${`${list(rpsRatios)} → ${median(rpsRatios).toFixed(2)}×`.padEnd(27)}  ${cpu.padEnd(27)}  ${list(cpuRatios)} → ${median(cpuRatios).toFixed(2)}×\n`,
      );
    }
    if (options.json) fs.writeFileSync(options.json, JSON.stringify({ options, results }, null, 2));
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

await runPerfScript(main);
