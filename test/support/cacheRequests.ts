import { createHash } from 'node:crypto';
import type pg from 'pg';
import { graphqlBody, type GraphQLBody } from './answers.js';
import type { TestServer } from './server.js';

/** What a client sees of one answer: status, headers, body. */
export interface Answer {
  status: number;
  headers: Headers;
  body: GraphQLBody;
}

export interface Send {
  query?: string;
  variables?: Record<string, unknown>;
  /** Sends the automatic persisted query hash of `query` (or of `hashOf` when the text is not sent). */
  persisted?: boolean;
  hashOf?: string;
  headers?: Record<string, string>;
  /** GET: the operation in the URL, as CDNs cache it. */
  method?: 'GET' | 'POST';
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Sends one GraphQL request to `baseUrl`/graphql. */
export async function send(baseUrl: string, request: Send): Promise<Answer> {
  const hashed = request.hashOf ?? request.query;
  const extensions = request.persisted && hashed ? { persistedQuery: { version: 1, sha256Hash: sha256(hashed) } } : undefined;
  const payload = { query: request.query, variables: request.variables, extensions };
  let response: Response;
  if (request.method === 'GET') {
    const url = new URL(`${baseUrl}/graphql`);
    for (const [name, value] of Object.entries(payload)) {
      if (value !== undefined) url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    // Apollo's CSRF prevention wants a header that a simple cross-site request cannot send.
    response = await fetch(url, { headers: { 'apollo-require-preflight': 'true', ...request.headers } });
  } else {
    response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: JSON.stringify(payload),
    });
  }
  return { status: response.status, headers: response.headers, body: graphqlBody(await response.json()) };
}

/**
 * Counts the SQL statements sent through a pool (every statement Prisma sends
 * goes through its query()). `stop()` gives the pool its own query() back,
 * for a test that counts in a pool other tests share.
 */
export function statementCounter(pool: pg.Pool): { reset(): void; stop(): void; readonly count: number } {
  let count = 0;
  const counted = pool as unknown as { query: (...args: unknown[]) => unknown };
  const query = counted.query;
  counted.query = (...args: unknown[]) => {
    count += 1;
    return query.apply(pool, args);
  };
  return {
    reset: () => (count = 0),
    stop: () => {
      counted.query = query;
    },
    get count() {
      return count;
    },
  };
}

const isDataChanged = (line: Record<string, unknown>) => line.msg === 'data changed: cached answers dropped';

/**
 * Resolves when `api` next logs that it dropped its cached answers: call it
 * before making the change, await it after.
 */
export function nextDataChange(api: TestServer): Promise<Record<string, unknown>> {
  const before = api.logs.filter(isDataChanged).length;
  return api.waitForLog((line) => isDataChanged(line) && api.logs.filter(isDataChanged).length > before);
}
