// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/gql.js';
import type { TypedDocumentString } from './generated/graphql.js';
import { request } from './operations/request.js';
import { statementCounter } from './support/cacheRequests.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';

let seeded: SeededApi;
let statements: ReturnType<typeof statementCounter>;

beforeAll(async () => {
  // The resolvers' own statements: compiled reads (src/graphql/compiled/) would answer in one.
  seeded = await startSeededApi({ compiledReads: false });
  statements = statementCounter(seeded.database.pool);
});

afterAll(() => seeded.close());

async function countStatements<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables) {
  statements.reset();
  const response = await request(seeded.api, document, variables);
  expect(response.body.errors).toBeUndefined();
  return { statements: statements.count, data: response.body.data! };
}

const publicationsQuery = graphql(`query BatchedPublications($n: Int) {
  publications(first: $n) { nodes { title authors { name topics { name } } topics { name } } }
}`);

const researchersQuery = graphql(`query BatchedResearchers($n: Int) {
  researchers(first: $n) {
    nodes {
      name
      roles { name }
      publications(first: 5) { totalCount nodes { authors { name } } }
      coauthors(first: 3) { sharedPublications researcher { name } }
    }
  }
}`);

describe('DataLoader batching', () => {
  it('publications with authors, their topics and the papers\' topics: 4 statements for 5 or 50 items', async () => {
    const small = await countStatements(publicationsQuery, { n: 5 });
    const large = await countStatements(publicationsQuery, { n: 50 });
    expect(small.data.publications.nodes).toHaveLength(5);
    expect(large.data.publications.nodes).toHaveLength(15);
    // page, authors, authors' topics, papers' topics
    expect(small.statements).toBe(4);
    expect(large.statements).toBe(4);
  });

  it('researchers with roles, nested publication pages and counts, co-authors: 5 statements for 5 or 50 items', async () => {
    const small = await countStatements(researchersQuery, { n: 5 });
    const large = await countStatements(researchersQuery, { n: 50 });
    // All 45 seeded researchers (14 profile authors + the BibTeX co-authors) fit in one page of 50.
    expect(small.data.researchers.nodes).toHaveLength(5);
    expect(large.data.researchers.nodes).toHaveLength(45);
    // page, roles, publication pages with their totalCount (one lateral page and count per researcher), their authors, co-authors
    expect(small.statements).toBe(5);
    expect(large.statements).toBe(5);
  });
});
