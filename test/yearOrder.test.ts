// @module-tag database
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { publicationOrderings } from '../src/modules/publication/data.js';
import { encodeCursor } from '../src/modules/shared/pagination/cursors.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * The year orders of `publications`: dated papers by year, then title, then
 * id; papers without a year last in both directions; pages by first/after and
 * by last/before that join up into exactly that order; and the first page of
 * each order read from its index (migration year_order_indexes), not sorted.
 */

let testDatabase: TestDatabase;
let database: Database;
let api: TestServer;
/** Every statement the app sent through its pool since the last reset, with its parameters. */
let statements: { text: string; values: unknown[] }[] = [];

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: testDatabase.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openTestDatabase(testDatabase);
  api = await startTestServer(database);
  // Every statement Prisma sends goes through this pool's query() (as in batching.test.ts).
  const pool = database.pool;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [first, second] = args;
    if (typeof first === 'string') statements.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === 'object' && 'text' in first) {
      const config = first as { text: string; values?: unknown[] };
      statements.push({ text: config.text, values: config.values ?? [] });
    }
    return query(...args);
  };
}, 180_000);

afterAll(async () => {
  await api?.close();
  await database?.close();
  await testDatabase?.drop();
});

interface Paper {
  titleKey: string;
  year: number | null;
}

/**
 * Ties on year (three 2021s, two 2019s), undated papers whose titles fall
 * between the dated ones', and years far from the others. Title keys are
 * unique (a constraint), so the id never decides between two rows here; the
 * displayed titles are the keys, prefixed.
 */
const papers: Paper[] = [
  { titleKey: 'm', year: 2021 },
  { titleKey: 'c', year: null },
  { titleKey: 'a', year: 2021 },
  { titleKey: 'q', year: 2019 },
  { titleKey: 'x', year: null },
  { titleKey: 'b', year: 2023 },
  { titleKey: 'z', year: 2021 },
  { titleKey: 'd', year: 2019 },
  { titleKey: 'n', year: null },
  { titleKey: 'e', year: 1 },
  { titleKey: 'f', year: 9999 },
  { titleKey: 'g', year: 2020 },
  { titleKey: 'a0', year: null },
];

const connectionFields = `edges { cursor node { title year } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

/** The three lists in a year order: the top-level one, and the nested pages per researcher and per topic (window functions, nested.ts). */
const lists = {
  publications: `query YearPage($first: Int, $after: String, $last: Int, $before: String, $orderBy: PublicationOrder) {
    list: publications(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) { ${connectionFields} }
  }`,
  'researcher.publications': `query ResearcherYearPage($first: Int, $after: String, $last: Int, $before: String, $orderBy: PublicationOrder) {
    researcher(slug: "year-order-author") {
      list: publications(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) { ${connectionFields} }
    }
  }`,
  'topic.publications': `query TopicYearPage($first: Int, $after: String, $last: Int, $before: String, $orderBy: PublicationOrder) {
    topic(slug: "year-order-topic") {
      list: publications(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) { ${connectionFields} }
    }
  }`,
};
type List = keyof typeof lists;

interface Page {
  edges: { cursor: string; node: { title: string; year: number | null } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

type ListAnswer = { list?: Page; researcher?: { list: Page }; topic?: { list: Page } };

async function page(variables: Record<string, unknown>, list: List = 'publications'): Promise<Page> {
  const response = await api.graphql<ListAnswer>(lists[list], variables);
  expect(response.body.errors).toBeUndefined();
  const data = response.body.data!;
  return (data.list ?? data.researcher?.list ?? data.topic?.list)!;
}

type Shown = [title: string, year: number | null];

async function allForwards(list: List, orderBy: string | undefined, size: number): Promise<Shown[]> {
  const shown: Shown[] = [];
  let after: string | null = null;
  for (let pages = 0; pages <= papers.length; pages += 1) {
    const current = await page({ first: size, after, orderBy }, list);
    shown.push(...current.edges.map((edge): Shown => [edge.node.title, edge.node.year]));
    if (!current.pageInfo.hasNextPage) return shown;
    after = current.pageInfo.endCursor;
  }
  throw new Error(`paging forwards through ${list} by ${orderBy} does not end`);
}

async function allBackwards(list: List, orderBy: string | undefined, size: number): Promise<Shown[]> {
  const shown: Shown[] = [];
  let before: string | null = null;
  for (let pages = 0; pages <= papers.length; pages += 1) {
    const current = await page({ last: size, before, orderBy }, list);
    shown.unshift(...current.edges.map((edge): Shown => [edge.node.title, edge.node.year]));
    if (!current.pageInfo.hasPreviousPage) return shown;
    before = current.pageInfo.startCursor;
  }
  throw new Error(`paging backwards through ${list} by ${orderBy} does not end`);
}

/** The order a reader expects, worked out here without SQL: title keys are plain ASCII, so JavaScript compares them as PostgreSQL does. */
function expectedOrder(newestFirst: boolean): Shown[] {
  const byTitle = (a: Paper, b: Paper) => (a.titleKey < b.titleKey ? -1 : a.titleKey > b.titleKey ? 1 : 0);
  const dated = papers.filter((paper) => paper.year !== null);
  const undated = papers.filter((paper) => paper.year === null);
  dated.sort((a, b) => (newestFirst ? b.year! - a.year! : a.year! - b.year!) || byTitle(a, b));
  undated.sort(byTitle);
  return [...dated, ...undated].map((paper): Shown => [`Paper ${paper.titleKey}`, paper.year]);
}

describe('year orders with and without years', () => {
  beforeAll(async () => {
    for (const paper of papers) {
      await sql('INSERT INTO publication (title_key, title, year, updated_at) VALUES ($1, $2, $3, now())', [
        paper.titleKey,
        `Paper ${paper.titleKey}`,
        paper.year,
      ]);
    }
    // One author and one topic of every paper, for the nested lists.
    await sql(`INSERT INTO researcher (slug, name, name_key, updated_at) VALUES ('year-order-author', 'Year Author', 'year author', now())`);
    await sql(`INSERT INTO authorship (publication_id, researcher_id, position, updated_at)
      SELECT p.id, r.id, 0, now() FROM publication p, researcher r`);
    await sql(`INSERT INTO topic (slug, name, name_fr, updated_at) VALUES ('year-order-topic', 'Year order', 'Ordre des années', now())`);
    await sql(`INSERT INTO publication_topic (publication_id, topic_id, updated_at) SELECT p.id, t.id, now() FROM publication p, topic t`);
  });

  afterAll(() => sql('DELETE FROM publication; DELETE FROM researcher; DELETE FROM topic'));

  const orders = (Object.keys(lists) as List[]).flatMap((list) => [
    { list, orderBy: undefined, label: `${list}, the default (newest first)`, newestFirst: true },
    { list, orderBy: 'YEAR_DESC', label: `${list}, YEAR_DESC`, newestFirst: true },
    { list, orderBy: 'YEAR_ASC', label: `${list}, YEAR_ASC`, newestFirst: false },
  ]);

  it.each(orders)('$label: one page holds every paper, undated ones last', async ({ list, orderBy, newestFirst }) => {
    const all = await page({ first: 100, orderBy }, list);
    expect(all.edges.map((edge): Shown => [edge.node.title, edge.node.year])).toEqual(expectedOrder(newestFirst));
  });

  it.each(orders.flatMap((order) => [1, 2, 3, 4].map((size) => ({ ...order, size }))))(
    '$label: pages of $size with first/after and with last/before join up into that order',
    async ({ list, orderBy, newestFirst, size }) => {
      const expected = expectedOrder(newestFirst);
      expect(await allForwards(list, orderBy, size)).toEqual(expected);
      expect(await allBackwards(list, orderBy, size)).toEqual(expected);
    },
  );

  it.each(orders)('$label: the page after the last dated paper starts with the first undated one, and back', async ({ list, orderBy, newestFirst }) => {
    const expected = expectedOrder(newestFirst);
    const lastDated = expected.findLastIndex(([, year]) => year !== null);
    const all = await page({ first: 100, orderBy }, list);
    const afterDated = await page({ first: 2, after: all.edges[lastDated]!.cursor, orderBy }, list);
    expect(afterDated.edges.map((edge) => edge.node.title)).toEqual(expected.slice(lastDated + 1, lastDated + 3).map(([title]) => title));
    const beforeUndated = await page({ last: 2, before: all.edges[lastDated + 1]!.cursor, orderBy }, list);
    expect(beforeUndated.edges.map((edge) => edge.node.title)).toEqual(expected.slice(lastDated - 1, lastDated + 1).map(([title]) => title));
    // After an undated paper come the undated papers with a later title, and only those.
    const afterUndated = await page({ first: 100, after: all.edges[lastDated + 1]!.cursor, orderBy }, list);
    expect(afterUndated.edges.map((edge) => edge.node.title)).toEqual(expected.slice(lastDated + 2).map(([title]) => title));
  });
});

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Total Time'?: number;
  'Index Cond'?: string;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

/**
 * The plan of the page statement the API sent for one request, run again
 * under EXPLAIN ANALYZE; its node types and time are logged, as the figures
 * for the issue (they vary with the machine's load; nothing asserts on them).
 */
async function planOfPage(label: string, variables: Record<string, unknown>): Promise<PlanNode> {
  statements = [];
  await page(variables);
  const pageStatements = statements.filter((statement) => /FROM publication p\b/.test(statement.text) && /\bLIMIT\b/.test(statement.text));
  expect(pageStatements).toHaveLength(1);
  const [statement] = pageStatements;
  const [row] = await sql<{ 'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[] }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${statement!.text}`,
    statement!.values,
  );
  const { Plan: plan, 'Execution Time': time } = row!['QUERY PLAN'][0]!;
  const shape = nodesOf(plan).map(
    (node) =>
      node['Node Type'] +
      (node['Index Name'] ? ` on ${node['Index Name']}` : '') +
      (node['Rows Removed by Filter'] !== undefined ? ` (${node['Rows Removed by Filter']} rows removed by filter)` : ''),
  );
  console.info(`plan of ${label}: ${shape.join(' > ')}; ${time.toFixed(2)} ms`);
  return plan;
}

// PGlite is PostgreSQL's own planner: the plans are checked on both.
describe('year orders on 5,000 papers', () => {
  beforeAll(async () => {
    // 20% without a year, years 1990–2025 otherwise, titles in no particular order.
    await sql(`INSERT INTO publication (title_key, title, year, updated_at)
      SELECT md5(n::text), 'Paper ' || n, CASE WHEN n % 5 = 0 THEN NULL ELSE 1990 + n % 36 END, now()
      FROM generate_series(1, 5000) AS n`);
    await sql('ANALYZE publication');
  }, 120_000);

  it.each([
    { label: 'publications(first: 20), the default order', variables: { first: 20 }, index: 'publication_year_desc_order_idx' },
    { label: 'orderBy: YEAR_ASC', variables: { first: 20, orderBy: 'YEAR_ASC' }, index: 'publication_year_asc_order_idx' },
    { label: 'last: 20 (the default order, reversed)', variables: { last: 20 }, index: 'publication_year_desc_order_idx' },
    { label: 'YEAR_ASC, last: 20', variables: { last: 20, orderBy: 'YEAR_ASC' }, index: 'publication_year_asc_order_idx' },
  ])('$label: an index scan on $index, no sort', async ({ label, variables, index }) => {
    const nodes = nodesOf(await planOfPage(label, variables));
    expect(nodes.filter((node) => node['Node Type'].startsWith('Index')).map((node) => node['Index Name'])).toContain(index);
    expect(nodes.map((node) => node['Node Type'])).not.toContain('Sort');
    expect(nodes.filter((node) => node['Relation Name'] === 'publication' && node['Node Type'] === 'Seq Scan')).toEqual([]);
  });

  /** The cursor of the row at this 0-based position of the order, from its sort values (as the API encodes them). */
  async function cursorAt(order: 'YEAR_DESC' | 'YEAR_ASC', position: number) {
    const yearKey = order === 'YEAR_DESC' ? 'coalesce(year, -1)' : 'coalesce(year, 2147483647)';
    const [row] = await sql<{ year_key: number; title_key: string; id: number }>(
      `SELECT ${yearKey} AS year_key, title_key, id FROM publication
       ORDER BY ${yearKey} ${order === 'YEAR_DESC' ? 'DESC' : 'ASC'}, title_key, id OFFSET $1 LIMIT 1`,
      [position],
    );
    const [{ count }] = (await sql<{ count: number }>(`SELECT count(*)::int AS count FROM publication WHERE ${yearKey} = $1`, [row!.year_key])) as [
      { count: number },
    ];
    return { cursor: encodeCursor(publicationOrderings[order], [row!.year_key, row!.title_key, row!.id]), sameYear: count };
  }

  // The keyset condition bounds the first key (sql.ts): a deep page's index
  // scan starts at the cursor's year, so the filter only skips the rows of
  // that year on the near side of the cursor, not every row before it.
  it.each([
    { label: 'after the 4,000th paper, the default order', order: 'YEAR_DESC', forward: true, bound: '<=', index: 'publication_year_desc_order_idx' },
    { label: 'after the 4,000th paper, YEAR_ASC', order: 'YEAR_ASC', forward: true, bound: '>=', index: 'publication_year_asc_order_idx' },
    { label: 'before the 1,000th paper, the default order', order: 'YEAR_DESC', forward: false, bound: '>=', index: 'publication_year_desc_order_idx' },
    { label: 'before the 1,000th paper, YEAR_ASC', order: 'YEAR_ASC', forward: false, bound: '<=', index: 'publication_year_asc_order_idx' },
  ] as const)('$label: the index scan starts at the cursor\'s year', async ({ label, order, forward, bound, index }) => {
    const position = forward ? 3999 : 999;
    const { cursor, sameYear } = await cursorAt(order, position);
    const variables = forward ? { first: 20, after: cursor, orderBy: order } : { last: 20, before: cursor, orderBy: order };

    // The same rows as an OFFSET over the whole order.
    const yearKey = order === 'YEAR_DESC' ? 'coalesce(year, -1)' : 'coalesce(year, 2147483647)';
    const expected = await sql<{ title: string }>(
      `SELECT title FROM publication ORDER BY ${yearKey} ${order === 'YEAR_DESC' ? 'DESC' : 'ASC'}, title_key, id OFFSET $1 LIMIT 20`,
      [forward ? position + 1 : position - 20],
    );
    expect((await page(variables)).edges.map((edge) => edge.node.title)).toEqual(expected.map((row) => row.title));

    const nodes = nodesOf(await planOfPage(label, variables));
    expect(nodes.map((node) => node['Node Type'])).not.toContain('Sort');
    const scans = nodes.filter((node) => node['Index Name'] === index);
    expect(scans).toHaveLength(1);
    expect(scans[0]!['Index Cond']).toMatch(new RegExp(`COALESCE\\(.*year.*\\) ${bound} `, 'i'));
    // At most the rows of the cursor's own year are skipped (about 110 here:
    // the 4,000th paper is the last of its year), never the thousands before the cursor.
    expect(scans[0]!['Rows Removed by Filter'] ?? 0).toBeLessThanOrEqual(sameYear);
    expect(sameYear).toBeLessThan(200);
  });
});
