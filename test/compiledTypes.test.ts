import { buildSchema, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../src/generated/prisma/client.js';
import { compileOperation } from '../src/graphql/compiled/compiler.js';
import type { TypeCompilers } from '../src/graphql/compiled/types.js';
import { globalIdSql } from '../src/graphql/compiled/sql.js';
import { coauthorCompilers, fieldSourceCompilers, researcherCompilers, researcherQueryCompilers } from '../src/modules/researcher/compiled.js';
import { roleCompilers, roleQueryCompilers } from '../src/modules/role/compiled.js';
import { toGlobalId } from '../src/modules/shared/nodeId.js';
import { topicCompilers, topicQueryCompilers } from '../src/modules/topic/compiled.js';
import { typeDefs } from '../src/schema.js';
import type { Database } from '../src/db/database.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { startTestServer, type TestServer } from './support/server.js';
import { createApiToken, sendAs, type Send } from './support/tokens.js';

/**
 * The field compilers of Researcher, Coauthor, Topic and Role (and their
 * Query fields), each operation answered twice on one seeded database: by
 * the server's resolvers over HTTP, and by one statement built from these
 * compilers alone (the server's compileOperation over a registry of just
 * them), whose JSON must be the same.
 */

const schema = buildSchema(typeDefs);
const registry: Record<string, TypeCompilers> = {
  Query: { ...researcherQueryCompilers, ...topicQueryCompilers, ...roleQueryCompilers },
  Researcher: researcherCompilers,
  Coauthor: coauthorCompilers,
  FieldSource: fieldSourceCompilers,
  Topic: topicCompilers,
  Role: roleCompilers,
};

/** The statement of an operation from these compilers (the server's compiler over this registry), or null when one of them declines a field. */
function compile(query: string, variables: Record<string, unknown> = {}): Prisma.Sql | null {
  return compileOperation(schema, registry, parse(query), undefined, variables);
}

let testDatabase: TestDatabase;
let database: Database;
let api: TestServer;
let anonymous: Send;
let admin: Send;

beforeAll(async () => {
  testDatabase = await createTestDatabase({ seeded: true });
  database = await openTestDatabase(testDatabase);
  // The reference: the resolvers, with compiled reads off.
  api = await startTestServer(database, { compiledReads: false });
  anonymous = sendAs(api, null);
  admin = sendAs(api, await createApiToken(database.prisma, 'lab admin', 'admin'));
});

afterAll(async () => {
  await api?.close();
  await database?.close();
  await testDatabase?.drop();
});

/** What the compiled statement answers. */
async function compiledAnswer(query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
  const statement = compile(query, variables);
  if (!statement) throw new Error(`not compiled: ${query}`);
  const [row] = await database.prisma.$queryRaw<{ data: unknown }[]>(statement);
  return row!.data;
}

/** Both answers of an operation, checked equal (keys in the same order too), and the resolvers' data for further checks. */
async function expectSameAnswer(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const response = await anonymous(query, variables);
  expect(response.body.errors).toBeUndefined();
  const compiled = await compiledAnswer(query, variables);
  expect(JSON.stringify(compiled)).toBe(JSON.stringify(response.body.data));
  return response.body.data!;
}

const PROFILE = `query Profile($slug: String!, $first: Int) {
  researcher(slug: $slug) {
    __typename id slug name aliases position positionFr organization isMember orcid provenance { field source }
    roles { __typename id key name nameFr }
    topics { id slug name nameFr }
    publicationCount
    coauthors(first: $first) { sharedPublications researcher { id slug name isMember publicationCount topics { slug } } }
    createdAt updatedAt
  }
}`;

async function slugs(): Promise<string[]> {
  const rows = await database.prisma.researcher.findMany({ select: { slug: true }, orderBy: { id: 'asc' } });
  return rows.map((row) => row.slug);
}

describe('compiled Researcher, Coauthor, Topic and Role fields', () => {
  it('answer every seeded researcher\'s profile as the resolvers do, co-authors ranked and cut alike', async () => {
    const all = await slugs();
    expect(all.length).toBeGreaterThan(40);
    let withCoauthors = 0;
    for (const slug of all) {
      const data = (await expectSameAnswer(PROFILE, { slug, first: 3 })) as { researcher: { coauthors: unknown[] } };
      if (data.researcher.coauthors.length > 0) withCoauthors++;
    }
    expect(withCoauthors).toBeGreaterThan(10);
  });

  it('rank co-authors the same for every first from 0 to 100, the default 10 when first is null or left out', async () => {
    const [slug] = await database.prisma.$queryRaw<{ slug: string }[]>`
      SELECT r.slug FROM researcher r JOIN authorship mine ON mine.researcher_id = r.id JOIN authorship o ON o.publication_id = mine.publication_id AND o.researcher_id <> r.id
      GROUP BY r.id ORDER BY count(DISTINCT o.researcher_id) DESC, r.id LIMIT 1`;
    for (const first of [0, 1, 5, 100, null]) await expectSameAnswer(PROFILE, { slug: slug!.slug, first });
    const byDefault = `query { researcher(slug: ${JSON.stringify(slug!.slug)}) { coauthors { sharedPublications researcher { slug } } } }`;
    const data = (await expectSameAnswer(byDefault)) as { researcher: { coauthors: unknown[] } };
    expect(data.researcher.coauthors).toHaveLength(10);
  });

  it('rank co-authors as a plain GROUP BY of shown shared papers does: most shared, then name key, then id, cut at first', async () => {
    const reference = (first: number) => Prisma.sql`
      SELECT r.slug, coalesce((
        SELECT json_agg(json_build_object('sharedPublications', c.shared, 'researcher', json_build_object('slug', c.slug)) ORDER BY c.shared DESC, c.name_key, c.id)
        FROM (
          SELECT o.id, o.slug, o.name_key, count(*)::int AS shared
          FROM authorship mine
          JOIN publication p ON p.id = mine.publication_id AND p.hidden_at IS NULL
          JOIN authorship theirs ON theirs.publication_id = mine.publication_id AND theirs.researcher_id <> mine.researcher_id
          JOIN researcher o ON o.id = theirs.researcher_id
          WHERE mine.researcher_id = r.id
          GROUP BY o.id ORDER BY count(*) DESC, o.name_key, o.id LIMIT ${first}) c), '[]'::json) AS coauthors
      FROM researcher r ORDER BY r.id`;
    const query = `query Ranked($slug: String!, $first: Int) { researcher(slug: $slug) { coauthors(first: $first) { sharedPublications researcher { slug } } } }`;
    let ties = 0;
    for (const first of [1, 3, 10]) {
      for (const { slug, coauthors } of await database.prisma.$queryRaw<{ slug: string; coauthors: { sharedPublications: number }[] }[]>(reference(first))) {
        const data = await expectSameAnswer(query, { slug, first });
        expect(data).toEqual({ researcher: { coauthors } });
        // A cut through equal counts: the name key decides who is kept.
        if (coauthors.length === first && coauthors[first - 1]!.sharedPublications === 1) ties++;
      }
    }
    expect(ties).toBeGreaterThan(5);
  });

  it('leave a first the resolvers refuse to them, and their error to the user', async () => {
    for (const first of [-1, 101]) {
      expect(compile(PROFILE, { slug: 'keller-jordan', first })).toBeNull();
      const response = await anonymous(PROFILE, { slug: 'keller-jordan', first });
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('answer null for an unknown slug, and follow a merged-away record\'s slug and id to the kept person', async () => {
    await expectSameAnswer(PROFILE, { slug: 'nobody-here', first: 3 });
    const keller = await database.prisma.researcher.findUniqueOrThrow({ where: { slug: 'keller-jordan' } });
    await database.prisma.researcherRedirect.create({ data: { removedId: 999_001, nameKey: 'k jordan', slug: 'k-jordan', researcherId: keller.id } });
    const data = (await expectSameAnswer(PROFILE, { slug: 'k-jordan', first: 3 })) as { researcher: { slug: string } };
    expect(data.researcher.slug).toBe('keller-jordan');
    const byId = `query Node($id: ID!) { node(id: $id) { __typename id ... on Researcher { slug name } } }`;
    const node = (await expectSameAnswer(byId, { id: toGlobalId('Researcher', 999_001) })) as { node: { slug: string } };
    expect(node.node.slug).toBe('keller-jordan');
  });

  it('answer node(id) for researchers, topics and roles, null for an id with no row', async () => {
    const query = `query Node($id: ID!) {
      node(id: $id) { __typename id ... on Researcher { slug topics { name } } ... on Topic { slug nameFr } ... on Role { key name } }
    }`;
    const [researcher, topic, role] = await Promise.all([
      database.prisma.researcher.findFirstOrThrow({ orderBy: { id: 'asc' } }),
      database.prisma.topic.findFirstOrThrow({ orderBy: { id: 'desc' } }),
      database.prisma.role.findFirstOrThrow(),
    ]);
    for (const id of [toGlobalId('Researcher', researcher.id), toGlobalId('Topic', topic.id), toGlobalId('Role', role.id), toGlobalId('Topic', 2_147_483_647)]) {
      await expectSameAnswer(query, { id });
    }
    // Malformed ids are the resolvers' (their error).
    expect(compile(query, { id: 'not-an-id' })).toBeNull();
  });

  it('answer topics and roles, all of them and by slug or key, in the resolvers\' order (names by the database\'s collation, then id)', async () => {
    const prisma = database.prisma;
    const [first] = await prisma.topic.findMany({ orderBy: { id: 'asc' }, take: 1 });
    // Names that sort differently by byte, by case and by accent, and a name twice (ties go by id).
    const added = await Promise.all(
      [
        { slug: 'ethique', name: 'Éthique', nameFr: 'Éthique' },
        { slug: 'lowercase-alpha', name: 'alpha', nameFr: 'alpha' },
        { slug: 'same-name', name: first!.name, nameFr: 'Le même nom' },
      ].map((data) => prisma.topic.create({ data })),
    );
    const person = await prisma.researcher.findUniqueOrThrow({ where: { slug: 'keller-jordan' } });
    await prisma.researcherTopic.createMany({ data: [first!, ...added].map((topic) => ({ researcherId: person.id, topicId: topic.id })), skipDuplicates: true });
    await prisma.role.create({ data: { key: 'aa-last-by-name', name: 'Zeta role', nameFr: 'Rôle zêta' } });
    const data = (await expectSameAnswer(`query {
      topics { __typename id slug name nameFr }
      roles { id key name nameFr }
      first: topic(slug: ${JSON.stringify(first!.slug)}) { id name }
      none: topic(slug: "no-such-topic") { id }
      supervisor: role(key: "aa-last-by-name") { name nameFr }
      noRole: role(key: "no-such-role") { name }
      researcher(slug: "keller-jordan") { topics { slug } }
    }`)) as { topics: unknown[]; roles: unknown[]; first: unknown; researcher: { topics: unknown[] } };
    expect(data.topics.length).toBeGreaterThanOrEqual(6);
    expect(data.roles.length).toBeGreaterThanOrEqual(2);
    expect(data.first).not.toBeNull();
    expect(data.researcher.topics.length).toBeGreaterThanOrEqual(4);
  });

  it('leave hidden papers out of counts and co-authors, as the loaders do', async () => {
    const paper = await database.prisma.publication.findFirstOrThrow({
      where: { authorships: { some: {} } },
      orderBy: { authorships: { _count: 'desc' } },
      include: { authorships: { include: { researcher: { select: { slug: true } } } } },
    });
    const before = await compiledAnswer(PROFILE, { slug: paper.authorships[0]!.researcher.slug, first: 20 });
    const hidden = await admin(`mutation Hide($id: ID!) { hidePublication(id: $id, reason: "test") { publication { title } } }`, { id: toGlobalId('Publication', paper.id) });
    expect(hidden.body.errors).toBeUndefined();
    for (const { researcher } of paper.authorships) await expectSameAnswer(PROFILE, { slug: researcher.slug, first: 20 });
    const after = await compiledAnswer(PROFILE, { slug: paper.authorships[0]!.researcher.slug, first: 20 });
    const count = (answer: unknown) => (answer as { researcher: { publicationCount: number } }).researcher.publicationCount;
    expect(count(after)).toBe(count(before) - 1);
  });

  it('show provenance as the resolvers do: known sources only, by field name, nothing from a column that is not an object', async () => {
    const prisma = database.prisma;
    const [odd, list, plain] = await prisma.researcher.findMany({ orderBy: { id: 'desc' }, take: 3 });
    await prisma.researcher.update({ where: { id: odd!.id }, data: { provenance: { name: 'curation', Zeta: 'bibtex', aliases: 'elsewhere', orcid: 3, alpha: 'OPENALEX', b: 'openalex', _x: 'profile' } } });
    await prisma.researcher.update({ where: { id: list!.id }, data: { provenance: ['curation'] } });
    await prisma.researcher.update({ where: { id: plain!.id }, data: { provenance: 'curation' } });
    const query = `query Provenance($slug: String!) { researcher(slug: $slug) { provenance { source field __typename } } }`;
    const data = (await expectSameAnswer(query, { slug: odd!.slug })) as { researcher: { provenance: { field: string }[] } };
    expect(data.researcher.provenance.map((entry) => entry.field)).toEqual(['Zeta', '_x', 'b', 'name']);
    for (const { slug } of [list!, plain!]) expect(await expectSameAnswer(query, { slug })).toEqual({ researcher: { provenance: [] } });
  });

  it('write global ids as toGlobalId does, up to the largest integer id', async () => {
    const ids = [1, 9, 10, 99, 1000, 65_535, 123_456_789, 2_147_483_647];
    for (const type of ['Researcher', 'Publication', 'Topic', 'Role'] as const) {
      const rows = await database.prisma.$queryRaw<{ id: string }[]>`SELECT ${globalIdSql(type, Prisma.sql`x`)} AS id FROM unnest(${ids}::int[]) WITH ORDINALITY AS t(x, n) ORDER BY n`;
      expect(rows.map((row) => row.id)).toEqual(ids.map((id) => toGlobalId(type, id)));
    }
  });
});
