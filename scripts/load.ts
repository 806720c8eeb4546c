import fs from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.js';
import { seedProfilesDir } from '../src/db/paths.js';
import { importProfileFiles } from '../seed/run.js';
import { buildManifest } from './documents-manifest.js';
import { spawnApp } from './support/appProcess.js';
import { createScratchDatabase, openScratchDatabase } from './support/scratchDatabase.js';

/**
 * `npm run load`: a bounded load check, on loopback only. It makes a database
 * of its own on the PostgreSQL at DATABASE_URL, imports seed/profiles/, starts
 * the server as `npm start` does (NODE_ENV=production), warms it up, then sends
 * the lab frontends' operations (documents/) and a few more at 100 concurrent
 * connections for 60 s, and prints throughput, latency, errors and the
 * server's memory. It exits 1 when an error or non-2xx answer occurred or the
 * memory grew more than 20 % after warm-up.
 */
const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '10' },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);
const warmup = Number(options.warmup);

if (!loadConfig().databaseUrl) {
  process.stderr.write('npm run load needs DATABASE_URL: a PostgreSQL server where it may create (and then drop) a database, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test\n');
  process.exit(1);
}

const operations = Object.fromEntries(buildManifest().operations.map((operation) => [operation.name, operation.body]));
const mix: { query: string; variables?: Record<string, unknown> }[] = [
  { query: operations.LabMembers! },
  { query: operations.ResearcherPage!, variables: { slug: 'aristide-baratin' } },
  { query: operations.ResearcherPage!, variables: { slug: 'keller-jordan' } },
  { query: operations.SearchPublications!, variables: { search: 'momentum' } },
  { query: operations.SearchPublications!, variables: { search: 'réseaux neurones', topic: 'deep-learning' } },
  { query: operations.Topics! },
  { query: '{ researchers(first: 20, orderBy: PUBLICATION_COUNT) { totalCount nodes { name publicationCount coauthors(first: 3) { sharedPublications researcher { name } } } } }' },
  { query: '{ publications(first: 20, orderBy: TITLE) { nodes { title authors { name } topics { name } } pageInfo { endCursor } } }' },
];

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function run(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: mix.map((body) => ({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })),
  });
}

const scratchDatabase = await createScratchDatabase();
let exitCode = 1;
try {
  const database = await openScratchDatabase(scratchDatabase);
  await importProfileFiles(database.prisma, [seedProfilesDir]);
  await database.close();

  // Production settings, request logs included (they go to a pipe that is drained and dropped).
  const app = spawnApp({ DATABASE_URL: scratchDatabase.url, NODE_ENV: 'production', LOG_LEVEL: 'info', DATABASE_POOL_SIZE: '10' });
  const port = await app.port;
  for (const stream of [app.child.stdout!, app.child.stderr!]) {
    stream.removeAllListeners('data');
    stream.resume();
  }
  const url = `http://127.0.0.1:${port}`;
  const pid = app.child.pid!;

  // Every operation of the mix must answer without errors before load means anything.
  for (const body of mix) {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = (await response.json()) as { errors?: unknown[] };
    if (response.status !== 200 || answer.errors) throw new Error(`Operation failed before the load: ${JSON.stringify(answer).slice(0, 300)}`);
  }

  const startRss = rssBytes(pid);
  process.stdout.write(`Server pid ${pid} on ${url}, ${mix.length} operations in the mix, ${connections} connections.\n`);
  process.stdout.write(`Warm-up ${warmup} s…\n`);
  await run(url, warmup);
  const warmRss = rssBytes(pid);
  process.stdout.write(`Load ${duration} s…\n`);
  const result = await run(url, duration);
  const endRss = rssBytes(pid);

  app.child.kill('SIGTERM');
  const stopCode = await app.exit;

  const growth = (endRss - warmRss) / warmRss;
  const lines = [
    `requests          ${result.requests.total} in ${result.duration} s`,
    `requests/s        avg ${result.requests.average}, min ${result.requests.min}, max ${result.requests.max}`,
    `latency (ms)      p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`,
    `errors            ${result.errors} (timeouts ${result.timeouts})`,
    `non-2xx           ${result.non2xx}`,
    `server memory     start ${mib(startRss)}, after warm-up ${mib(warmRss)}, end ${mib(endRss)} (${(growth * 100).toFixed(1)} % since warm-up)`,
    `server exit       ${stopCode} after SIGTERM`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
  const passed = result.errors === 0 && result.timeouts === 0 && result.non2xx === 0 && growth <= 0.2 && stopCode === 0;
  process.stdout.write(`\n${passed ? 'PASS' : 'FAIL'}: target is zero errors, zero non-2xx, memory within 20 % of warm-up.\n`);
  exitCode = passed ? 0 : 1;
} finally {
  await scratchDatabase.drop();
}
process.exit(exitCode);
