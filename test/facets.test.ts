// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/gql.js';
import type { PublicationFilter, TypedDocumentString } from './generated/graphql.js';
import { request } from './operations/request.js';
import { statementCounter } from './support/cacheRequests.js';
import { firstError } from './support/answers.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';

let seeded: SeededApi;
let statements: ReturnType<typeof statementCounter>;

beforeAll(async () => {
  seeded = await startSeededApi();
  const prisma = seeded.database.prisma;
  // Years of our own on the seeded papers (by title order: 2024, 2023, 2024, 2022, none…), so that
  // every facet has ties, several values and unknowns, whatever years the seed itself gives.
  const papers = await prisma.publication.findMany({ orderBy: { titleKey: 'asc' } });
  const years = [2024, 2023, 2024, 2022, null, 2021, 2024, null];
  for (const [index, paper] of papers.entries()) {
    await prisma.publication.update({ where: { id: paper.id }, data: { year: years[index % years.length] } });
  }
  statements = statementCounter(seeded.database.pool);
});

afterAll(() => seeded.close());

async function data<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables) {
  statements.reset();
  const response = await request(seeded.api, document, variables);
  expect(response.body.errors).toBeUndefined();
  return { statements: statements.count, data: response.body.data! };
}

const Facets = graphql(`query Facets($filter: PublicationFilter, $first: Int, $authors: Int) {
  publications(filter: $filter, first: $first) {
    totalCount
    nodes { title }
    facets {
      years { year count }
      topics { topic { slug } count }
      authors(first: $authors) { researcher { slug } count }
      withCode
    }
  }
}`);

interface Paper {
  id: number;
  year: number | null;
  hasCode: boolean;
  topics: string[];
  authors: { slug: string; nameKey: string }[];
}

/**
 * The papers a filter selects, read without the API's SQL: the rows through
 * Prisma, the filter applied here, full-text search by its own statement.
 */
async function expectedPapers(filter: PublicationFilter): Promise<Paper[]> {
  const prisma = seeded.database.prisma;
  const rows = await prisma.publication.findMany({
    include: { topics: { include: { topic: true } }, authorships: { include: { researcher: true } } },
  });
  const matching = filter.search
    ? new Set(
        (
          await prisma.$queryRaw<{ id: number }[]>`
            SELECT id FROM publication WHERE search_vector @@ websearch_to_tsquery('english', unaccent(${filter.search}))`
        ).map((row) => row.id),
      )
    : null;
  return rows
    .map((row) => ({
      id: row.id,
      year: row.year,
      hasCode: row.codeUrl !== null,
      topics: row.topics.map((link) => link.topic.slug),
      authors: row.authorships.map((link) => ({ slug: link.researcher.slug, nameKey: link.researcher.nameKey })),
    }))
    .filter(
      (paper) =>
        (matching === null || matching.has(paper.id)) &&
        (filter.topic == null || paper.topics.includes(filter.topic)) &&
        (filter.author == null || paper.authors.some((author) => author.slug === filter.author)) &&
        (filter.yearFrom == null || (paper.year !== null && paper.year >= filter.yearFrom)) &&
        (filter.yearTo == null || (paper.year !== null && paper.year <= filter.yearTo)),
    );
}

function countBy<T>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

async function expectedFacets(filter: PublicationFilter) {
  const papers = await expectedPapers(filter);
  const years = [...countBy(papers.map((paper) => paper.year))]
    .map(([year, count]) => ({ year, count }))
    .sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity));
  const topics = [...countBy(papers.flatMap((paper) => paper.topics))]
    .map(([slug, count]) => ({ topic: { slug }, count }))
    .sort((a, b) => b.count - a.count || a.topic.slug.localeCompare(b.topic.slug));
  const nameKeys = new Map(papers.flatMap((paper) => paper.authors.map((author) => [author.slug, author.nameKey] as const)));
  const authors = [...countBy(papers.flatMap((paper) => paper.authors.map((author) => author.slug)))]
    .map(([slug, count]) => ({ researcher: { slug }, count }))
    .sort((a, b) => b.count - a.count || (nameKeys.get(a.researcher.slug)! < nameKeys.get(b.researcher.slug)! ? -1 : 1));
  return { total: papers.length, years, topics, authors, withCode: papers.filter((paper) => paper.hasCode).length };
}

const filters: [string, PublicationFilter][] = [
  ['no filter', {}],
  ['an author', { author: 'aristide-baratin' }],
  ['a topic', { topic: 'deep-learning' }],
  ['a year range', { yearFrom: 2022, yearTo: 2023 }],
  ['a search', { search: 'learning' }],
  ['an author, a topic and a year', { author: 'aristide-baratin', topic: 'deep-learning', yearFrom: 2022 }],
];

describe('publications(filter) { facets }', () => {
  it.each(filters)('count the whole filtered list, not the page: %s', async (_name, filter) => {
    const expected = await expectedFacets(filter);
    expect(expected.total).toBeGreaterThan(0);
    const { data: answer } = await data(Facets, { filter, first: 1, authors: 100 });
    const { facets, totalCount, nodes } = answer.publications;
    expect(nodes.length).toBeLessThanOrEqual(1);
    expect(totalCount).toBe(expected.total);
    expect(facets.years).toEqual(expected.years);
    expect(facets.topics).toEqual(expected.topics);
    expect(facets.authors).toEqual(expected.authors);
    expect(facets.withCode).toBe(expected.withCode);
  });

  it('the seeded list has several years, unknown years, topics and code links to count', async () => {
    const { years, topics, withCode } = await expectedFacets({});
    expect(years.length).toBeGreaterThan(2);
    expect(years.at(-1)!.year).toBeNull();
    expect(topics.length).toBeGreaterThan(1);
    expect(withCode).toBeGreaterThan(0);
  });

  it('authors(first:) keeps the top N by count, then by name', async () => {
    const expected = await expectedFacets({});
    const { data: answer } = await data(Facets, { first: 1, authors: 3 });
    expect(answer.publications.facets.authors).toEqual(expected.authors.slice(0, 3));
    const wrong = await seeded.api.graphql('{ publications { facets { authors(first: 101) { count } } } }');
    expect(firstError(wrong.body).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a nested list answers that its facets are counted on Query.publications', async () => {
    const response = await seeded.api.graphql('{ researcher(slug: "aristide-baratin") { publications { facets { withCode } } } }');
    const error = firstError(response.body);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('Query.publications');
  });
});

const pageOnly = graphql(`query FacetsPageOnly($first: Int) { publications(first: $first) { nodes { title } } }`);
const pageAndYears = graphql(`query FacetsYears($first: Int) { publications(first: $first) { nodes { title } facets { years { year count } } } }`);
const pageAndTopics = graphql(`query FacetsTopics($first: Int) { publications(first: $first) { nodes { title } facets { topics { topic { name } count } } } }`);
const pageAndAuthors = graphql(`query FacetsAuthors($first: Int) { publications(first: $first) { nodes { title } facets { authors { researcher { name } count } } } }`);
const pageAndCode = graphql(`query FacetsWithCode($first: Int) { publications(first: $first) { nodes { title } facets { withCode } } }`);
const pageAndAll = graphql(`query FacetsAll($first: Int) {
  publications(first: $first) {
    nodes { title }
    facets { years { year count } topics { topic { name } count } authors(first: 5) { researcher { name } count } withCode }
  }
}`);

describe('facets cost one SQL statement each, whatever the page size', () => {
  it.each([1, 5, 50])('page of %i: the page is one statement, each facet one more, all four four more', async (first) => {
    const page = (await data(pageOnly, { first })).statements;
    expect(page).toBe(1);
    expect((await data(pageAndYears, { first })).statements).toBe(page + 1);
    expect((await data(pageAndTopics, { first })).statements).toBe(page + 1);
    expect((await data(pageAndAuthors, { first })).statements).toBe(page + 1);
    expect((await data(pageAndCode, { first })).statements).toBe(page + 1);
    expect((await data(pageAndAll, { first })).statements).toBe(page + 4);
  });
});
