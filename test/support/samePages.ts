import { expect } from 'vitest';
import type { TestServer } from './server.js';

/**
 * Reading a connection the way a reader pages through it, from two servers
 * on one database (compiled reads on and off) that must answer the same
 * bytes: the pages of the order tests (topicResearchersOrder,
 * researcherPapersOrder).
 */

export interface ConnectionPage<Node> {
  totalCount: number;
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function answerText(server: TestServer, query: string, variables: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** `query`'s data, the same bytes from both servers, without errors. */
export async function sameDataFromBoth<Data>(servers: { compiled: TestServer; resolvers: TestServer }, query: string, variables: Record<string, unknown>): Promise<Data> {
  const compiled = await answerText(servers.compiled, query, variables);
  expect(await answerText(servers.resolvers, query, variables)).toBe(compiled);
  const body = JSON.parse(compiled) as { data: Data; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Every node's `key`, `size` at a time from the first page to the last, following endCursor. */
export async function walkPages<Node, Key>(page: (first: number, after: string | null) => Promise<ConnectionPage<Node>>, size: number, key: (node: Node) => Key): Promise<Key[]> {
  const keys: Key[] = [];
  let after: string | null = null;
  for (;;) {
    const current = await page(size, after);
    keys.push(...current.edges.map((edge) => key(edge.node)));
    if (!current.pageInfo.hasNextPage) return keys;
    after = current.pageInfo.endCursor;
  }
}
