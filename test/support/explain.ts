import type pg from 'pg';

/**
 * Statement plans for test/explain.test.ts: a set-based fill of a database at
 * the benchmark's scale S (bench/src/build.ts builds the same shapes row by
 * row from the synthetic lab; here plain SQL is enough, only the sizes and
 * distributions matter to the planner), the capture of every statement the
 * server sends, and the rules a plan must keep.
 */

export const scale = { researchers: 1_000, members: 100, papers: 10_000, topics: 12 };

const words = ['graph', 'attention', 'neural', 'quantum', 'field', 'learning', 'causal', 'inference',
  'gauge', 'theory', 'bayesian', 'optimisation', 'sparse', 'kernel', 'spectral', 'diffusion'];

/**
 * One statement per table; `setseed` makes random() the same on every run.
 * Shapes as in BENCHMARKS.md: every paper has a member among its authors,
 * 1–15 authors with a long tail, co-authors skewed towards a few prolific
 * people, 1–4 topics, no year for one paper in ten.
 */
export const fillSql = `
SELECT setseed(0.13);
INSERT INTO topic (slug, name, name_fr, updated_at)
  SELECT 'topic-' || t, 'Topic ' || t, 'Sujet ' || t, now() FROM generate_series(1, ${scale.topics}) t;
INSERT INTO researcher (slug, name, name_key, search_key, is_member, organization, updated_at)
  SELECT 'person-' || r, 'Person ' || r, 'person ' || r, 'person ' || r, r <= ${scale.members}, 'Lab', now()
  FROM generate_series(1, ${scale.researchers}) r;
INSERT INTO researcher_topic (researcher_id, topic_id, updated_at)
  SELECT DISTINCT r, 1 + (r * k * 7) % ${scale.topics}, now()
  FROM generate_series(1, ${scale.members}) r, generate_series(1, 1 + r % 4) k;
INSERT INTO publication (title_key, title, abstract, year, updated_at)
  SELECT 'paper ' || p,
         initcap(w[1 + p % 16]) || ' ' || w[1 + (p / 16) % 16] || ' ' || w[1 + (p / 256) % 16] || ' ' || p,
         repeat(w[1 + (p * 7) % 16] || ' ' || w[1 + (p * 11) % 16] || ' ', 80),
         CASE WHEN p % 10 = 0 THEN NULL ELSE 1990 + (p * 13) % 36 END, now()
  FROM generate_series(1, ${scale.papers}) p, (SELECT ARRAY['${words.join("','")}'] AS w) vocabulary;
INSERT INTO publication_topic (publication_id, topic_id, updated_at)
  SELECT DISTINCT p, 1 + (p * k * 5) % ${scale.topics}, now()
  FROM generate_series(1, ${scale.papers}) p, generate_series(1, 1 + p % 4) k;
INSERT INTO authorship (publication_id, researcher_id, position, updated_at)
  SELECT publication_id, researcher_id, (row_number() OVER (PARTITION BY publication_id ORDER BY slot)) - 1, now()
  FROM (
    SELECT DISTINCT ON (publication_id, researcher_id) publication_id, researcher_id, slot
    FROM (
      SELECT p AS publication_id, slot,
             CASE WHEN slot = 0 THEN 1 + p % ${scale.members}
                  ELSE 1 + floor(${scale.researchers} * power(random(), 2))::int END AS researcher_id
      FROM (SELECT p, 1 + floor(15 * power(random(), 3))::int AS authors FROM generate_series(1, ${scale.papers}) p) papers,
           generate_series(0, papers.authors - 1) slot
    ) drawn
    ORDER BY publication_id, researcher_id, slot
  ) distinct_authors;
ANALYZE;`;

export interface CapturedStatement {
  text: string;
  values: unknown[];
}

/** Records every statement sent through the pool's query() (Prisma's adapter sends all of them there). */
export function captureStatements(pool: pg.Pool): { take(): CapturedStatement[] } {
  let captured: CapturedStatement[] = [];
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [first, second] = args;
    if (typeof first === 'string') captured.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === 'object') {
      const config = first as { text: string; values?: unknown[] };
      captured.push({ text: config.text, values: config.values ?? [] });
    }
    return query(...args);
  };
  return {
    take() {
      const taken = captured;
      captured = [];
      return taken;
    },
  };
}

/** A node of PostgreSQL's JSON plan (the fields the rules read). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Sort Key'?: string[];
  Plans?: PlanNode[];
}

/** The tables that grow with the lab: never read whole. */
const largeTables = new Set(['publication', 'researcher', 'authorship']);

/**
 * What is wrong with a plan: a sequential scan of a large table, or a sort
 * whose input holds more rows than the page it serves (`pageRows`; rows
 * counted over all loops), unless the sort is a ranking (a rank computed per
 * request, a search's ts_rank or a co-author count, cannot come from an index)
 * or groups rows for an aggregate (a count reads every row it counts).
 */
export function planProblems(root: PlanNode, pageRows: number): string[] {
  const problems: string[] = [];
  const visit = (node: PlanNode, parent?: PlanNode) => {
    if (node['Node Type'] === 'Seq Scan' && largeTables.has(node['Relation Name'] ?? '')) {
      problems.push(`Seq Scan on ${node['Relation Name']} (${node['Actual Rows'] * node['Actual Loops']} rows)`);
    }
    if (node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort') {
      const input = (node.Plans ?? []).reduce((sum, child) => sum + child['Actual Rows'] * child['Actual Loops'], 0);
      const ranking = (node['Sort Key'] ?? []).some((key) => /count\(|ts_rank/.test(key));
      // A sort that groups rows for a count (GROUP BY) orders no page: the count reads them all anyway.
      const grouping = parent?.['Node Type'] === 'Aggregate';
      // An incremental sort reads one row past the page to see that its group ended.
      const allowed = node['Node Type'] === 'Incremental Sort' ? pageRows + 1 : pageRows;
      if (input > allowed && !ranking && !grouping) {
        problems.push(`${node['Node Type']} of ${input} rows (page: ${pageRows}) by ${(node['Sort Key'] ?? []).join(', ')}`);
      }
    }
    for (const child of node.Plans ?? []) visit(child, node);
  };
  visit(root);
  return problems;
}

/** Runs EXPLAIN (ANALYZE, FORMAT JSON) on a captured statement with its own parameters. */
export async function explain(client: pg.ClientBase, statement: CapturedStatement): Promise<PlanNode> {
  const result = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.values);
  return result.rows[0]!['QUERY PLAN'][0]!.Plan;
}
