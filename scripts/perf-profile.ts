import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bodiesOf, checkAnswers, killPerfServers, load, perfOperations, readSamples, startPerfServer } from './support/perfLoad.js';

/**
 * A CPU profile of our built server under the bench's load, summed by where
 * the time goes (issue 13, item 4):
 *
 *   npm run build
 *   npx tsx scripts/perf-profile.ts --database postgresql://postgres@127.0.0.1:5432/<copy of a bench template> \
 *     [--ops newest,profile] [--seconds 20] [--connections 16] [--node-args=--max-semi-space-size=64] [--functions checkLimits,createLoaders]
 *   npx tsx scripts/perf-profile.ts --analyse <file.cpuprofile> [--functions …]
 *
 * The server runs as the bench starts it (scripts/support/perfLoad.ts) with
 * `--cpu-prof`; after a warm-up of 3 s, each operation is loaded in turn
 * for `seconds`, then the server is stopped (SIGTERM: it exits normally and
 * Node writes the profile). The summary is self time per package (a
 * node_modules package, Node's runtime, native functions, our files, the
 * garbage collector), as a share of the non-idle time, then the top
 * functions (and the inclusive time of the functions named in --functions),
 * counting only the samples taken during the measured load
 * (start-up and warm-ups left out; the spans are kept next to the profile).
 */
const { values: options } = parseArgs({
  options: {
    database: { type: 'string' },
    dir: { type: 'string', default: process.cwd() },
    ops: { type: 'string', default: perfOperations.map((operation) => operation.name).join(',') },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '16' },
    'node-args': { type: 'string', default: '' },
    analyse: { type: 'string' },
    top: { type: 'string', default: '25' },
    functions: { type: 'string', default: '' },
  },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Spans of the measured load, in µs of the monotonic clock that V8's profiler also uses (start-up and warm-up left out). */
type Windows = [number, number][];

const now = () => Number(process.hrtime.bigint() / 1000n);

/** Where a frame's code lives: a package, Node's runtime, our code, or V8's own entries. */
export function categoryOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName.startsWith('(')) return functionName; // (garbage collector), (program), (idle), (root)
    return `native ${functionName}`;
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scopeOrName, name] = url.slice(modules + '/node_modules/'.length).split('/');
    return scopeOrName!.startsWith('@') ? `${scopeOrName}/${name}` : scopeOrName!;
  }
  if (url.startsWith('node:')) return 'node runtime';
  if (url.includes('/generated/prisma/')) return 'prisma generated client';
  if (url.includes('/dist/src/') || url.includes('/src/')) return 'ours';
  return url;
}

function summarise(profile: CpuProfile, windows: Windows | undefined, top: number, focus: string[]): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (windows && !windows.some(([from, to]) => at >= from && at <= to)) return;
    selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
  });
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const categories = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  const focused = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, time] of selfTime) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') {
      idle += time;
      continue;
    }
    busy += time;
    const category = categoryOf(frame);
    categories.set(category, (categories.get(category) ?? 0) + time);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) onStack.add(categoryOf(byId.get(at)!.callFrame));
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + time);
    const focusOnStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (focus.includes(name)) focusOnStack.add(name);
    }
    for (const name of focusOnStack) focused.set(name, (focused.get(name) ?? 0) + time);
    const where = frame.url ? `${frame.url.replace(/^.*\/node_modules\//u, '').replace(/^file:\/\/.*\/dist\//u, 'dist/')}:${frame.lineNumber + 1}` : '';
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + time);
  }
  const share = (time: number) => `${((time / busy) * 100).toFixed(1).padStart(5)} %`;
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  const lines = [
    `busy ${(busy / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s; self time as a share of busy time`,
    '',
    'by package:',
    ...sorted(categories)
      .filter(([, time]) => time / busy >= 0.002)
      .map(([category, time]) => `  ${share(time)}  ${category}`),
    '',
    'by package, inclusive (samples with the package anywhere on the stack):',
    ...sorted(inclusive)
      .filter(([name, time]) => time / busy >= 0.01 && !name.startsWith('('))
      .map(([name, time]) => `  ${share(time)}  ${name}`),
    ...(focus.length > 0
      ? ['', 'functions asked for, inclusive:', ...focus.map((name) => `  ${share(focused.get(name) ?? 0)}  ${name}`)]
      : []),
    '',
    `top ${top} functions:`,
    ...sorted(functions)
      .slice(0, top)
      .map(([name, time]) => `  ${share(time)}  ${name}`),
  ];
  return lines.join('\n');
}

async function profileServer(): Promise<string> {
  if (!options.database) throw new Error('--database <url of a copy of a bench database> is required');
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-profile-'));
  const extra = options['node-args'].split(' ').filter(Boolean);
  const windows: Windows = [];
  const server = await startPerfServer({
    label: 'server',
    dir: path.resolve(options.dir),
    databaseUrl: options.database,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, ...extra],
  });
  try {
    const samples = await readSamples(options.database);
    const chosen = options.ops.split(',');
    const operations = perfOperations.filter((operation) => chosen.includes(operation.name));
    const connections = Number(options.connections);
    for (const operation of operations) {
      const bodies = bodiesOf(operation, samples);
      await checkAnswers(server.url, bodies);
      await load(server.url, bodies, connections, 3);
      const from = now();
      const result = await load(server.url, bodies, connections, Number(options.seconds), server.pid);
      windows.push([from, now()]);
      process.stdout.write(`${operation.name}: ${result.rps.toFixed(1)} rps, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.cpuMsPerRequest.toFixed(2)} ms CPU per request\n`);
    }
  } finally {
    await server.stop();
  }
  const [file] = fs.readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the server wrote no profile in ${profileDir}`);
  const profile = path.join(profileDir, file);
  fs.writeFileSync(`${profile}.windows.json`, JSON.stringify(windows));
  process.stdout.write(`profile: ${profile} (measured spans in ${profile}.windows.json)\n`);
  return profile;
}

try {
  const file = options.analyse ?? (await profileServer());
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const windows = fs.existsSync(`${file}.windows.json`) ? (JSON.parse(fs.readFileSync(`${file}.windows.json`, 'utf8')) as Windows) : undefined;
  process.stdout.write(`\n${summarise(profile, windows, Number(options.top), options.functions.split(',').filter(Boolean))}\n`);
} catch (error) {
  killPerfServers();
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
