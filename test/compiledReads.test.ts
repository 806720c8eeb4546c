import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../bench/src/operations.js';
import { toGlobalId } from '../src/modules/shared/nodeId.js';
import { startCompiledPair, type CompiledPair } from './support/compiledPair.js';
import { createApiToken } from './support/tokens.js';

/**
 * Compiled reads (src/graphql/compiled/) against the resolvers: every
 * operation below is sent to a server with COMPILED_READS on and one with it
 * off, over one seeded database, and both must answer the same bytes; the
 * compiled one in one statement, unless the operation is one the compilers
 * leave to the resolvers (then both answer through them).
 */

let pair: CompiledPair;
let member: string;
let topic: string;
let role: string;
let hiddenId: string;
let shownId: string;

beforeAll(async () => {
  pair = await startCompiledPair();
  const pool = pair.database.pool;
  // One paper hidden: every list, count and lookup below must leave it out as the resolvers do.
  const hidden = await pool.query<{ id: number }>(`UPDATE publication SET hidden_at = now(), hidden_reason = 'duplicate'
    WHERE id = (SELECT publication_id FROM publication_topic ORDER BY publication_id LIMIT 1) RETURNING id`);
  hiddenId = toGlobalId('Publication', hidden.rows[0]!.id);
  const shown = await pool.query<{ id: number }>('SELECT id FROM publication WHERE hidden_at IS NULL ORDER BY id LIMIT 1');
  shownId = toGlobalId('Publication', shown.rows[0]!.id);
  member = (await pool.query<{ slug: string }>(`SELECT r.slug FROM researcher r JOIN authorship a ON a.researcher_id = r.id
    WHERE r.is_member GROUP BY r.id ORDER BY count(*) DESC, r.slug LIMIT 1`)).rows[0]!.slug;
  topic = (await pool.query<{ slug: string }>(`SELECT t.slug FROM topic t JOIN researcher_topic rt ON rt.topic_id = t.id
    GROUP BY t.id ORDER BY count(*) DESC, t.slug LIMIT 1`)).rows[0]!.slug;
  role = (await pool.query<{ key: string }>(`SELECT o.key FROM role o JOIN researcher_role rr ON rr.role_id = o.id
    GROUP BY o.id ORDER BY count(*) DESC, o.key LIMIT 1`)).rows[0]!.key;
});

afterAll(() => pair.close());

const allPublicationFields = `id title abstract abstractTruncated codeUrl year venue doi arxivId url openAlexId
  citationCount openAccessUrl hidden { at reason } provenance { field source __typename } createdAt updatedAt __typename`;
const pageInfo = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

describe('compiled reads answer as the resolvers do', () => {
  it('every Publication field the compilers cover, with __typename', async () => {
    const data = await pair.compiledAlike(`{ publications(first: 30) { totalCount nodes { ${allPublicationFields} } } }`);
    const list = data.publications as { totalCount: number; nodes: { id: string }[] };
    expect(list.nodes.length).toBeGreaterThan(5);
    expect(list.nodes.map((node) => node.id)).not.toContain(hiddenId);
  });

  it('every order, forward and backward, through the pages with the cursors the answers give', async () => {
    for (const orderBy of ['YEAR_DESC', 'YEAR_ASC', 'TITLE']) {
      const query = `query Page($first: Int, $after: String, $last: Int, $before: String) {
        publications(first: $first, after: $after, last: $last, before: $before, orderBy: ${orderBy}) {
          totalCount edges { cursor node { title year } } ${pageInfo} } }`;
      type Page = { publications: { edges: unknown[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string; startCursor: string } } };
      let page = (await pair.compiledAlike(query, { first: 4 })) as Page;
      let pages = 1;
      while (page.publications.pageInfo.hasNextPage) {
        page = (await pair.compiledAlike(query, { first: 4, after: page.publications.pageInfo.endCursor })) as Page;
        pages += 1;
      }
      expect(pages).toBeGreaterThan(2);
      while (page.publications.pageInfo.hasPreviousPage) {
        page = (await pair.compiledAlike(query, { last: 3, before: page.publications.pageInfo.startCursor })) as Page;
      }
      await pair.compiledAlike(query, { last: 5 });
      await pair.compiledAlike(query, { first: 0 });
      await pair.compiledAlike(query, { last: 0 });
    }
  });

  it('filters: search (relevance and other orders), topic, author, years, and an empty list', async () => {
    const query = `query Filtered($filter: PublicationFilter, $orderBy: PublicationOrder, $after: String) {
      publications(first: 3, filter: $filter, orderBy: $orderBy, after: $after) { totalCount nodes { title year } ${pageInfo} } }`;
    const searched = (await pair.compiledAlike(query, { filter: { search: 'learning' } })) as { publications: { totalCount: number; pageInfo: { endCursor: string } } };
    expect(searched.publications.totalCount).toBeGreaterThan(0);
    await pair.compiledAlike(query, { filter: { search: 'learning' }, after: searched.publications.pageInfo.endCursor });
    await pair.compiledAlike(query, { filter: { search: '"neural network" -quantum' }, orderBy: 'TITLE' });
    await pair.compiledAlike(query, { filter: { search: 'learning' }, orderBy: 'RELEVANCE' });
    await pair.compiledAlike(query, { filter: { search: '   ' } });
    const byTopic = (await pair.compiledAlike(query, { filter: { topic } })) as { publications: { totalCount: number } };
    expect(byTopic.publications.totalCount).toBeGreaterThan(0);
    await pair.compiledAlike(query, { filter: { author: member }, orderBy: 'YEAR_ASC' });
    await pair.compiledAlike(query, { filter: { author: member, topic, search: 'learning' } });
    await pair.compiledAlike(query, { filter: { yearFrom: 2020, yearTo: 2023 } });
    const none = (await pair.compiledAlike(query, { filter: { yearFrom: 3000 } })) as { publications: { totalCount: number } };
    expect(none.publications.totalCount).toBe(0);
  });

  it('fragments, inline fragments, aliases, repeated keys, @include and @skip with variables', async () => {
    const query = `query Shapes($withYear: Boolean!, $skipTitle: Boolean = false) {
      first: publications(first: 2) { ...Page }
      byTitle: publications(first: 2, orderBy: TITLE) { nodes { name: title ... on Publication { year @include(if: $withYear) } ...Ids } }
      publications(first: 1) { nodes { title @skip(if: $skipTitle) title year } nodes { id ...Ids } __typename }
      __typename
    }
    fragment Page on PublicationConnection { total: totalCount nodes { ...Ids ... @include(if: $withYear) { year } } }
    fragment Ids on Publication { id __typename kind: __typename }`;
    for (const variables of [{ withYear: true }, { withYear: false, skipTitle: true }]) await pair.compiledAlike(query, variables);
  });

  it('Query.publication: a shown paper, a hidden one (null), an unknown id (null); a malformed id is the resolvers\' error', async () => {
    const query = `query One($id: ID!) { publication(id: $id) { id title } }`;
    expect(((await pair.compiledAlike(query, { id: shownId })) as { publication: unknown }).publication).not.toBeNull();
    expect(((await pair.compiledAlike(query, { id: hiddenId })) as { publication: unknown }).publication).toBeNull();
    await pair.compiledAlike(query, { id: toGlobalId('Publication', 2_000_000_000) });
    const malformed = await pair.resolversAlike(query, { id: 'nope' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await pair.resolversAlike(query, { id: toGlobalId('Researcher', 1) })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('researcher lists: every order, filters, nested publication pages and counts', async () => {
    const query = `query People($filter: ResearcherFilter, $orderBy: ResearcherOrder, $after: String) {
      researchers(first: 4, filter: $filter, orderBy: $orderBy, after: $after) {
        totalCount ${pageInfo}
        edges { cursor node { __typename publications(first: 2, orderBy: TITLE) { totalCount nodes { title } } } }
      } }`;
    for (const orderBy of ['NAME', 'PUBLICATION_COUNT']) {
      const first = (await pair.compiledAlike(query, { orderBy })) as { researchers: { pageInfo: { endCursor: string } } };
      await pair.compiledAlike(query, { orderBy, after: first.researchers.pageInfo.endCursor });
    }
    await pair.compiledAlike(query, { filter: { isMember: true } });
    await pair.compiledAlike(query, { filter: { isMember: false, search: 'a' } });
    await pair.compiledAlike(query, { filter: { topic, role } });
    await pair.compiledAlike(`{ researchers(first: 100) { nodes { publications(last: 3) { totalCount edges { cursor } ${pageInfo} } } } }`);
    await pair.compiledAlike(`{ researchers { totalCount } }`);
  });

  it('a topic\'s and a role\'s researchers, a topic\'s and a researcher\'s publications, paged with their cursors', async () => {
    const query = `query Nested($slug: String!, $key: String!, $member: String!, $after: String, $before: String) {
      topic(slug: $slug) { name
        researchers(first: 3, after: $after) { totalCount edges { cursor node { slug name publicationCount } } ${pageInfo} }
        publications(last: 2, orderBy: YEAR_ASC) { totalCount nodes { title year topics { slug } } ${pageInfo} } }
      role(key: $key) { researchers(last: 2, before: $before) { totalCount nodes { name } ${pageInfo} } }
      researcher(slug: $member) { publications(first: 3, orderBy: TITLE) { edges { cursor node { id title authors { id slug } } } } }
    }`;
    type Answer = { topic: { researchers: { pageInfo: { endCursor: string } } }; role: { researchers: { pageInfo: { startCursor: string } } } };
    const first = (await pair.compiledAlike(query, { slug: topic, key: role, member })) as Answer;
    await pair.compiledAlike(query, { slug: topic, key: role, member, after: first.topic.researchers.pageInfo.endCursor, before: first.role.researchers.pageInfo.startCursor });
    await pair.compiledAlike(query, { slug: 'no-such-topic', key: 'no-such-role', member: 'no-such-person' });
    await pair.compiledAlike('{ topics { slug researchers(first: 0) { totalCount } publications(first: 0) { totalCount pageInfo { hasNextPage } } } }');
  });

  it('arguments the resolvers refuse give their error', async () => {
    const publications = (args: string) => `{ publications(${args}) { totalCount nodes { title } } }`;
    const cases: [string, boolean][] = [
      [publications('first: 101'), false],
      [publications('first: 2, last: 2'), false],
      [publications('after: "bm90IGEgY3Vyc29y"'), false],
      [publications('filter: { topic: "no-such-topic" }'), true],
      [publications('filter: { author: "no-such-person" }'), true],
      [publications('filter: { yearFrom: 2024, yearTo: 2020 }'), false],
      [publications('orderBy: RELEVANCE'), false],
      [publications('filter: { visibility: HIDDEN }'), false],
      ['{ researchers(filter: { role: "no-such-role" }) { totalCount } }', true],
      ['{ researchers(first: -1) { totalCount } }', false],
    ];
    // No operation of that name: Apollo resolves none, execution answers the error.
    expect((await pair.resolversAlike('query A { publications { totalCount } }', undefined, undefined, false, 'B')).errors).toHaveLength(1);
    for (const [query, guarded] of cases) {
      const body = await pair.resolversAlike(query, undefined, undefined, guarded);
      expect(body.errors?.length, query).toBeGreaterThan(0);
    }
    // A cursor of another list's order.
    const year = (await pair.compiledAlike('{ publications(first: 1) { pageInfo { endCursor } } }')) as { publications: { pageInfo: { endCursor: string } } };
    expect((await pair.resolversAlike(`{ publications(orderBy: TITLE, after: "${year.publications.pageInfo.endCursor}") { totalCount } }`)).errors).toHaveLength(1);
  });

  it('a field no compiler covers sends the whole operation to the resolvers, which answer it right', async () => {
    await pair.resolversAlike('{ publications(first: 2) { nodes { title citation(format: BIBTEX) } } }');
    await pair.resolversAlike('{ publications(first: 2, filter: { topic: "' + 'x' + '" }) { facets { withCode } } }');
    await pair.resolversAlike('{ publications(first: 2) { totalCount facets { withCode years { year count } } } }');
  });

  it('a request with an Authorization header takes the resolvers (hidden papers and editor fields depend on who asks)', async () => {
    const token = await createApiToken(pair.database.prisma, 'compiled-reads-test', 'editor');
    const query = `{ publications(first: 3, filter: { visibility: ALL }) { totalCount nodes { id hidden { reason } } } }`;
    const body = await pair.resolversAlike(query, undefined, `Bearer ${token}`);
    expect(body.errors).toBeUndefined();
    const plain = await pair.resolversAlike(`query One($id: ID!) { publication(id: $id) { id hidden { reason } } }`, { id: hiddenId }, `Bearer ${token}`);
    expect(plain.data).toEqual({ publication: { id: hiddenId, hidden: { reason: 'duplicate' } } });
  });

  it('the five bench operations and the documents/ operations', async () => {
    const topicSlug = topic;
    for (const operation of operations) {
      const sample = operation.sample === 'member' ? member : operation.sample === 'topic' ? topicSlug : operation.sample === 'search' ? 'learning' : undefined;
      await pair.compiledAlike(operation.ours, operation.variables(sample));
    }
    const document = (name: string) => readFileSync(new URL(`../documents/${name}.graphql`, import.meta.url), 'utf8');
    await pair.compiledAlike(document('LabMembers'), {});
    await pair.compiledAlike(document('SearchPublications'), { search: 'learning', topic: topicSlug });
    await pair.compiledAlike(document('Topics'), {});
    // Its co-authors are compiled by the researcher module, its page here.
    await pair.compiledAlike(document('ResearcherPage'), { slug: member });
  });
});
