import pg from 'pg';
import type { SentStatement } from './statements.js';

/**
 * Where a request's time goes in PostgreSQL: each statement one request
 * sent, run again with EXPLAIN (ANALYZE, BUFFERS) and the same parameters,
 * three times (the last, warm, is kept), with no other load from the bench.
 * A system whose database time is small next to its latency spends the
 * rest in its own process.
 */
export interface ExplainedStatement {
  text: string;
  params: (string | null)[];
  /** Planning plus execution, in ms; null when the statement could not be explained (binary parameters). */
  databaseMs: number | null;
  plan: string;
}

interface PlanLine {
  'QUERY PLAN': string;
}

export async function explainStatements(url: string, statements: readonly SentStatement[]): Promise<ExplainedStatement[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const explained: ExplainedStatement[] = [];
    for (const statement of statements) {
      if (statement.params.includes(null) || !/^\s*(SELECT|WITH)\b/iu.test(statement.text)) {
        explained.push({ ...statement, databaseMs: null, plan: '' });
        continue;
      }
      let lines: string[] = [];
      for (let run = 0; run < 3; run += 1) {
        const result = await client.query<PlanLine>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.params);
        lines = result.rows.map((row) => row['QUERY PLAN']);
      }
      const time = (label: string) => Number(/([\d.]+) ms/u.exec(lines.find((line) => line.startsWith(label)) ?? '')?.[1] ?? Number.NaN);
      explained.push({ ...statement, databaseMs: time('Planning Time') + time('Execution Time'), plan: lines.join('\n') });
    }
    return explained;
  } finally {
    await client.end();
  }
}

/** Database time of one request: the sum over its statements (null if any could not be explained). */
export function databaseMsOf(statements: readonly ExplainedStatement[]): number | null {
  let total = 0;
  for (const statement of statements) {
    if (statement.databaseMs === null) return null;
    total += statement.databaseMs;
  }
  return total;
}
