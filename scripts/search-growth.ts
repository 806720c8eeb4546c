import { parseArgs } from 'node:util';
import { buildSchema, parse } from 'graphql';
import pg from 'pg';
import { operations } from '../bench/src/operations.js';
import { median } from '../bench/src/report.js';
import { searches } from '../bench/src/samples.js';
import { compileOperation } from '../src/graphql/compiled/compiler.js';
import { compilerRegistry } from '../src/graphql/compiled/registry.js';
import { filteredPublications, publicationOrdering } from '../src/modules/publication/data.js';
import { typeDefs } from '../src/schema.js';

/**
 * Why the ranked search grows from scale S to M (issue 13), read-only:
 *
 *   npx tsx scripts/search-growth.ts --database postgresql://postgres@127.0.0.1:5432/<copy of the S template> \
 *     --database postgresql://postgres@127.0.0.1:5432/<copy of the M template> [--runs 5] [--plans]
 *
 * For each database: how search_vector is stored (its width, how many rows
 * keep it out of line in TOAST, measured as the buffers a scan that reads
 * every vector touches beyond the heap's pages) and the GIN index. Then per
 * bench search (bench/src/samples.ts):
 * - the matches, and where a search's time goes, as a ladder of statements
 *   over the same matches, written as the server writes them
 *   (filteredPublications, the RELEVANCE key), each adding one step (least
 *   execution time of `runs` EXPLAIN (ANALYZE, TIMING OFF), one process: no
 *   parallel workers, no JIT): the bitmap index scan alone (its node's time), visiting each
 *   match's heap tuple (count), reading its vector (sum of length:
 *   decompression and TOAST), ranking it (sum of ts_rank), then the integer
 *   key and the top-21 sort of the page;
 * - whole statements as the server and the floor send them, with the
 *   session's defaults (parallel workers and JIT as configured): our
 *   compiled statement (src/graphql/compiled/) as a named prepared statement
 *   under a forced custom and a forced generic plan (the server's named
 *   statements get the generic one once PostgreSQL prefers it), and the
 *   bench's floor (bench/src/operations.ts), median wall time of `runs`.
 * With two databases, the last table is each figure's growth (second ÷ first).
 * `--plans` prints EXPLAIN (ANALYZE, BUFFERS) of our statement and of the
 * floor's for each search; without it, only their scan, sort and JIT lines.
 */
const { values: options } = parseArgs({
  options: { database: { type: 'string', multiple: true }, runs: { type: 'string', default: '5' }, plans: { type: 'boolean', default: false } },
});

const searchOperation = operations.find((operation) => operation.name === 'search')!;
const schema = buildSchema(typeDefs);

/** Our compiled statement for a search, as the server sends it. */
function ourStatement(search: string): { text: string; values: unknown[] } {
  const sql = compileOperation(schema, compilerRegistry, parse(searchOperation.ours), undefined, searchOperation.variables(search));
  if (!sql) throw new Error('the bench search is not compiled');
  return { text: sql.text, values: sql.values };
}

/** The ladder's statements, $1 the search: each adds one step of the ranked page to the one before. */
function ladder(): Record<'count' | 'read' | 'rank' | 'page', string> {
  // The FROM, WHERE and ranking key the server writes (its one value, the search, is $1).
  const { from, where } = filteredPublications({ search: 'any' });
  const rank = publicationOrdering('RELEVANCE', 'any').keys[0]!.sql.text;
  const matches = `FROM ${from.text} WHERE ${where.text}`;
  return {
    count: `SELECT count(*) ${matches}`,
    read: `SELECT sum(length(p.search_vector)) ${matches}`,
    rank: `SELECT sum(ts_rank(p.search_vector, search_query.query)) ${matches}`,
    page: `SELECT p.id, ${rank} AS sort_0 ${matches} ORDER BY ${rank} DESC, p.title_key, p.id LIMIT 21`,
  };
}

interface PlanNode {
  'Node Type': string;
  'Actual Total Time'?: number;
  'Sort Method'?: string;
  Plans?: PlanNode[];
}
interface Explained {
  Plan: PlanNode;
  'Execution Time': number;
  'Planning Time': number;
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

async function explain(client: pg.Client, text: string, values: unknown[], how = 'ANALYZE, TIMING OFF'): Promise<Explained> {
  const { rows } = await client.query<{ 'QUERY PLAN': [Explained] }>({ text: `EXPLAIN (${how}, FORMAT JSON) ${text}`, values });
  return rows[0]!['QUERY PLAN'][0];
}

/** The median (or the least) of `runs` times, after one run that warms the caches and, for a named statement, prepares it. */
async function timed(runs: number, run: () => Promise<number>, least = false): Promise<number> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) times.push(await run());
  return least ? Math.min(...times) : median(times);
}

async function wall(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

interface SampleFigures {
  matches: number;
  index: number;
  count: number;
  read: number;
  rank: number;
  page: number;
  sort: string;
  oursCustom: number;
  oursGeneric: number;
  floor: number;
}

const fixed = (value: number) => value.toFixed(1);
const row = (cells: (string | number)[], widths: number[]) => cells.map((cell, index) => String(cell).padStart(widths[index]!)).join('  ');

async function storage(client: pg.Client): Promise<string> {
  const { rows: [table] } = await client.query<{ papers: number; heap: number; toast: number; gin: string; reloptions: string | null }>(`
    SELECT (SELECT count(*)::int FROM publication) AS papers, c.relpages AS heap, t.relpages AS toast,
      pg_size_pretty(pg_relation_size('publication_search_vector_idx')) AS gin,
      (SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'publication_search_vector_idx') AS reloptions
    FROM pg_class c LEFT JOIN pg_class t ON t.oid = c.reltoastrelid WHERE c.relname = 'publication'`);
  const { rows: [vector] } = await client.query<{ width: number; stored: number; compressed: number; storage: string }>(`
    SELECT (SELECT avg_width FROM pg_stats WHERE tablename = 'publication' AND attname = 'search_vector') AS width,
      avg(pg_column_size(search_vector))::int AS stored,
      (count(*) FILTER (WHERE pg_column_compression(search_vector) IS NOT NULL))::int AS compressed,
      (SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'publication'::regclass AND attname = 'search_vector') AS storage
    FROM publication`);
  // Buffers of a scan that reads every vector, beyond the heap's own pages: TOAST index and chunk pages.
  await client.query('SELECT sum(length(search_vector)) FROM publication');
  const scan = await explain(client, 'SELECT sum(length(search_vector)) FROM publication', [], 'ANALYZE, BUFFERS, TIMING OFF');
  const buffers = (scan.Plan as unknown as { 'Shared Hit Blocks': number; 'Shared Read Blocks': number });
  const toastReads = (buffers['Shared Hit Blocks'] + buffers['Shared Read Blocks'] - table!.heap) / table!.papers;
  return (
    `${table!.papers} papers: heap ${table!.heap} pages, TOAST ${table!.toast} pages; GIN index ${table!.gin}` +
    `${table!.reloptions ? ` (${table!.reloptions})` : ''}\n` +
    `search_vector: storage ${({ x: 'EXTENDED', m: 'MAIN', e: 'EXTERNAL', p: 'PLAIN' } as Record<string, string>)[vector!.storage] ?? vector!.storage}, ` +
    `pg_stats avg_width ${vector!.width} B, stored ${vector!.stored} B on average, compressed in ${vector!.compressed} rows; ` +
    `reading every vector touches ${toastReads.toFixed(2)} TOAST buffers per row (0: all inline)\n`
  );
}

async function sample(client: pg.Client, search: string, runs: number): Promise<{ figures: SampleFigures; plans: string }> {
  const steps = ladder();
  await client.query('SET max_parallel_workers_per_gather = 0; SET jit = off');
  const countPlan = await explain(client, steps.count, [search], 'ANALYZE');
  const indexNode = nodesOf(countPlan.Plan).find((node) => node['Node Type'] === 'Bitmap Index Scan');
  // The least of the runs: each step's difference is small beside the noise of a shared machine, which only adds.
  const step = async (text: string) => timed(runs, async () => (await explain(client, text, [search]))['Execution Time'], true);
  const [count, read, rank, page] = [await step(steps.count), await step(steps.read), await step(steps.rank), await step(steps.page)];
  const pagePlan = await explain(client, steps.page, [search]);
  const sort = nodesOf(pagePlan.Plan).find((node) => node['Node Type'] === 'Sort')?.['Sort Method'] ?? 'no sort';
  const { rows: [matched] } = await client.query<{ count: number }>({ text: `${steps.count.replace('count(*)', 'count(*)::int AS count')}`, values: [search] });
  await client.query('RESET max_parallel_workers_per_gather; RESET jit');

  const ours = ourStatement(search);
  const name = `search_growth_${Buffer.from(search).toString('hex')}`;
  const named = async (mode: string) => {
    await client.query(`SET plan_cache_mode = ${mode}`);
    const time = await timed(runs, () => wall(() => client.query({ name, text: ours.text, values: ours.values })));
    await client.query('RESET plan_cache_mode');
    return time;
  };
  const [oursCustom, oursGeneric] = [await named('force_custom_plan'), await named('force_generic_plan')];
  const floor = await timed(runs, () => wall(() => client.query({ text: searchOperation.floor, values: [search] })));

  const planText = async (text: string, values: unknown[]) => {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS) ${text}`, values });
    const lines = rows.map((line) => line['QUERY PLAN']);
    return (options.plans ? lines : lines.filter((line) => /Scan|Sort|Aggregate|Buffers|JIT:|Execution Time/u.test(line))).join('\n');
  };
  const plans = `--- ${search}: ours (custom plan)\n${await planText(ours.text, ours.values)}\n--- ${search}: floor\n${await planText(searchOperation.floor, [search])}\n`;
  return {
    figures: { matches: matched!.count, index: indexNode?.['Actual Total Time'] ?? Number.NaN, count, read, rank, page, sort, oursCustom, oursGeneric, floor },
    plans,
  };
}

const headings = ['matches', 'index', '+heap', '+read', '+ts_rank', '+key&sort', 'page', 'ours custom', 'ours generic', 'floor'];
const widths = [22, 8, 7, 7, 7, 9, 10, 7, 12, 13, 7];
const cellsOf = (figures: SampleFigures) => [
  figures.matches, fixed(figures.index), fixed(figures.count - figures.index), fixed(figures.read - figures.count), fixed(figures.rank - figures.read),
  fixed(figures.page - figures.rank), fixed(figures.page), fixed(figures.oursCustom), fixed(figures.oursGeneric), fixed(figures.floor),
];

async function main(): Promise<void> {
  const databases = options.database ?? [];
  if (databases.length === 0) throw new Error('--database is required (once per scale; see the comment at the top of scripts/search-growth.ts)');
  const runs = Number(options.runs);
  const all: Record<string, SampleFigures>[] = [];
  for (const url of databases) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('SET default_transaction_read_only = on');
      process.stdout.write(`=== ${new URL(url).pathname.slice(1)}\n${await storage(client)}\n`);
      process.stdout.write(
        'ms. Ladder (least of runs, one process): index = bitmap index scan; +heap = visiting each match (the count); +read = reading its vector (TOAST);\n' +
          '+ts_rank; +key&sort = integer key and top-21 sort; page = all of these. Whole statements (median of runs): ours custom / generic plan, floor\n',
      );
      process.stdout.write(`${row(['search', ...headings, 'sort'], widths)}\n`);
      const figures: Record<string, SampleFigures> = {};
      let plans = '';
      for (const search of searches) {
        const measured = await sample(client, search, runs);
        figures[search] = measured.figures;
        plans += measured.plans;
        process.stdout.write(`${row([search, ...cellsOf(measured.figures), measured.figures.sort], widths)}\n`);
      }
      process.stdout.write(`\n${plans}\n`);
      all.push(figures);
    } finally {
      await client.end();
    }
  }
  if (all.length >= 2) {
    const [first, last] = [all[0]!, all[all.length - 1]!];
    process.stdout.write(`=== growth, ${new URL(databases[databases.length - 1]!).pathname.slice(1)} ÷ ${new URL(databases[0]!).pathname.slice(1)}\n`);
    process.stdout.write(`${row(['search', ...headings], widths)}\n`);
    for (const search of searches) {
      const [a, b] = [cellsOf(first[search]!).map(Number), cellsOf(last[search]!).map(Number)];
      process.stdout.write(`${row([search, ...b.map((value, index) => `${(value / a[index]!).toFixed(2)}×`)], widths)}\n`);
    }
  }
}

await main();
