// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureStatements } from './support/explain.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';

/**
 * Issue 13, item 3: list statements select the columns the query asks for,
 * and a nested page brings its totalCount in the same statement. What a
 * client sees stays the same; the statements the server sends change.
 */
let seeded: SeededApi;
let statements: ReturnType<typeof captureStatements>;

beforeAll(async () => {
  // The resolvers' own statements: compiled reads (src/graphql/compiled/) would answer in one.
  seeded = await startSeededApi({ compiledReads: false });
  statements = captureStatements(seeded.database.pool);
});
afterAll(() => seeded.close());

async function send(query: string, variables: Record<string, unknown> = {}) {
  statements.take();
  const response = await seeded.api.graphql<Record<string, never>>(query, variables);
  expect(response.body.errors).toBeUndefined();
  return { data: response.body.data as unknown as Record<string, unknown>, sent: statements.take().map((statement) => statement.text) };
}

const pageStatement = (sent: string[]) => {
  const found = sent.filter((text) => /FROM publication p/.test(text) && /LIMIT/.test(text));
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('columns the query asks for', () => {
  it('a list of titles reads no abstract; asking for it (through a fragment) reads it, with the same values as a lookup', async () => {
    const titles = await send('{ publications(first: 5, orderBy: TITLE) { nodes { title } } }');
    expect(pageStatement(titles.sent)).not.toMatch(/"abstract"/);
    expect(pageStatement(titles.sent)).toMatch(/"title"/);

    const abstracts = await send(`{ publications(first: 5, orderBy: TITLE) { edges { node { ...Summary } } } }
      fragment Summary on Publication { id title abstract }`);
    expect(pageStatement(abstracts.sent)).toMatch(/"abstract"/);
    const edges = (abstracts.data.publications as { edges: { node: { id: string; title: string; abstract: string | null } }[] }).edges;
    expect(edges.map((edge) => edge.node.title)).toEqual((titles.data.publications as { nodes: { title: string }[] }).nodes.map((node) => node.title));
    for (const { node } of edges) {
      const single = await send('query One($id: ID!) { publication(id: $id) { abstract } }', { id: node.id });
      expect((single.data.publication as { abstract: string | null }).abstract).toBe(node.abstract);
    }
  });

  it('authors read only the asked columns; a citation in a list is made from the whole row', async () => {
    const { data, sent } = await send('{ publications(first: 3, orderBy: TITLE) { nodes { id authors { name } citation(format: APA) } } }');
    const authors = sent.find((text) => /FROM authorship a/.test(text) && /"name"/.test(text));
    expect(authors).toBeDefined();
    expect(authors).not.toMatch(/"aliases"/);
    expect(pageStatement(sent)).not.toMatch(/"venue"/);
    for (const node of (data.publications as { nodes: { id: string; citation: string }[] }).nodes) {
      // The same as the citation of the paper looked up alone, whole row and all.
      const single = await send('query One($id: ID!) { publication(id: $id) { title venue year citation(format: APA) } }', { id: node.id });
      const publication = single.data.publication as { title: string; citation: string };
      expect(node.citation).toBe(publication.citation);
      expect(node.citation.length).toBeGreaterThan(publication.title.length);
    }
  });

  it('a researcher\'s position reads position_id only when asked for', async () => {
    const { data, sent } = await send('{ researchers(first: 50) { nodes { name position } } }');
    const page = sent.find((text) => /FROM researcher r/.test(text) && /LIMIT/.test(text));
    expect(page).toMatch(/"position_id"/);
    expect(page).not.toMatch(/"provenance"/);
    const positions = (data.researchers as { nodes: { position: string | null }[] }).nodes.map((node) => node.position);
    expect(positions.some((position) => position !== null)).toBe(true);
  });
});

describe('a nested page and its count', () => {
  const profile = `query Profile($slug: String!) { researcher(slug: $slug) {
    publications(first: 2) { totalCount nodes { title } } } }`;

  it('come in one statement, with the count of every paper, not of the page', async () => {
    const { data, sent } = await send(profile, { slug: 'aristide-baratin' });
    const { totalCount, nodes } = (data.researcher as { publications: { totalCount: number; nodes: unknown[] } }).publications;
    const [expected] = await seeded.database.prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM authorship a JOIN publication p ON p.id = a.publication_id AND p.hidden_at IS NULL
      JOIN researcher r ON r.id = a.researcher_id WHERE r.slug = 'aristide-baratin'`;
    expect(nodes).toHaveLength(2);
    expect(totalCount).toBe(expected!.count);
    expect(totalCount).toBeGreaterThan(2);
    // The researcher, then the page with its count.
    expect(sent).toHaveLength(2);
  });

  it('a count alone (first: 0) fetches no page', async () => {
    const { data, sent } = await send('{ topics { slug publications(first: 0) { totalCount } researchers(first: 0) { totalCount } } }');
    const topics = data.topics as { publications: { totalCount: number }; researchers: { totalCount: number } }[];
    expect(topics.some((topic) => topic.publications.totalCount > 0 && topic.researchers.totalCount > 0)).toBe(true);
    // The topics, the papers' counts, the researchers' counts: no page of either.
    expect(sent).toHaveLength(3);
    expect(sent.filter((text) => /LIMIT/.test(text))).toEqual([]);
  });
});
