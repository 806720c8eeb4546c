import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilerRegistry } from '../src/graphql/compiled/registry.js';
import { toGlobalId } from '../src/modules/shared/nodeId.js';
import { startCompiledPair, type CompiledPair } from './support/compiledPair.js';
import { createApiToken } from './support/tokens.js';

/**
 * Compiled reads of researchers, co-authors, topics and roles
 * (src/modules/{researcher,topic,role}/compiled.ts) against the resolvers:
 * each operation goes to a server with COMPILED_READS on and one with it
 * off, over one seeded database; both must answer the same bytes, the
 * compiled one in one statement (test/compiledReads.test.ts does the same
 * for publications and the connections).
 */

let pair: CompiledPair;
let member: string;

beforeAll(async () => {
  pair = await startCompiledPair();
  member = (await pair.database.pool.query<{ slug: string }>(`SELECT r.slug FROM researcher r JOIN authorship a ON a.researcher_id = r.id
    WHERE r.is_member GROUP BY r.id ORDER BY count(*) DESC, r.slug LIMIT 1`)).rows[0]!.slug;
});

afterAll(() => pair.close());

const PROFILE = `query Profile($slug: String!, $first: Int) {
  researcher(slug: $slug) {
    __typename id slug name aliases position positionFr organization isMember orcid
    roles { __typename id key name nameFr }
    topics { id slug name nameFr }
    publicationCount
    coauthors(first: $first) { sharedPublications researcher { id slug name isMember publicationCount roles { key } } }
    createdAt updatedAt
  }
}`;

describe('compiled researchers, co-authors, topics and roles answer as the resolvers do', () => {
  it('every seeded researcher\'s profile, with roles, topics, counts and co-authors', async () => {
    const { rows } = await pair.database.pool.query<{ slug: string }>('SELECT slug FROM researcher ORDER BY id');
    expect(rows.length).toBeGreaterThan(40);
    for (const { slug } of rows) await pair.compiledAlike(PROFILE, { slug, first: 5 });
  });

  it('co-authors for first 0, 1, 100, null and the default; the resolvers\' error for -1 and 101', async () => {
    for (const first of [0, 1, 100, null]) await pair.compiledAlike(PROFILE, { slug: member, first });
    const data = await pair.compiledAlike(`query Coauthors($slug: String!) { researcher(slug: $slug) { name coauthors { sharedPublications researcher { slug name } } } }`, { slug: member });
    expect((data.researcher as { coauthors: unknown[] }).coauthors).toHaveLength(10);
    for (const first of [-1, 101]) {
      const body = await pair.resolversAlike(PROFILE, { slug: member, first });
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('a hidden paper leaves its authors\' counts and co-authors', async () => {
    const { rows } = await pair.database.pool.query<{ id: number; slugs: string[] }>(`SELECT a.publication_id AS id, array_agg(r.slug ORDER BY a.position) AS slugs
      FROM authorship a JOIN researcher r ON r.id = a.researcher_id GROUP BY a.publication_id ORDER BY count(*) DESC, a.publication_id LIMIT 1`);
    const paper = rows[0]!;
    const count = async (slug: string) =>
      ((await pair.compiledAlike('query Count($slug: String!) { researcher(slug: $slug) { publicationCount } }', { slug })).researcher as { publicationCount: number }).publicationCount;
    const before = await count(paper.slugs[0]!);
    const admin = `Bearer ${await createApiToken(pair.database.prisma, 'compiled-researchers-admin', 'admin')}`;
    const hidden = await pair.send(pair.resolvers, 'mutation Hide($id: ID!) { hidePublication(id: $id, reason: "test") { publication { id } } }', { id: toGlobalId('Publication', paper.id) }, admin);
    expect(JSON.parse(hidden.text)).not.toHaveProperty('errors');
    for (const slug of paper.slugs) await pair.compiledAlike(PROFILE, { slug, first: 20 });
    expect(await count(paper.slugs[0]!)).toBe(before - 1);
  });

  it('a merged-away record\'s slug and id lead to the kept person; unknown slugs and ids are null', async () => {
    const kept = (await pair.database.pool.query<{ id: number; slug: string }>('SELECT id, slug FROM researcher ORDER BY id LIMIT 1')).rows[0]!;
    await pair.database.pool.query(`INSERT INTO researcher_redirect (removed_id, name_key, slug, researcher_id) VALUES (999001, 'gone person', 'gone-person', $1)`, [kept.id]);
    const bySlug = await pair.compiledAlike(PROFILE, { slug: 'gone-person', first: 3 });
    expect((bySlug.researcher as { slug: string }).slug).toBe(kept.slug);
    const node = `query Node($id: ID!) { node(id: $id) { __typename id ... on Researcher { slug name topics { slug } } } }`;
    const byId = await pair.compiledAlike(node, { id: toGlobalId('Researcher', 999_001) });
    expect((byId.node as { slug: string }).slug).toBe(kept.slug);
    expect((await pair.compiledAlike(PROFILE, { slug: 'nobody-by-this-name', first: 3 })).researcher).toBeNull();
    expect((await pair.compiledAlike(node, { id: toGlobalId('Researcher', 2_147_483_647) })).node).toBeNull();
  });

  it('node(id) of a shown paper, a hidden one (null to anonymous readers) and an unknown one', async () => {
    const { rows } = await pair.database.pool.query<{ id: number }>('SELECT id FROM publication ORDER BY id LIMIT 2');
    await pair.database.pool.query(`UPDATE publication SET hidden_at = now(), hidden_reason = 'test' WHERE id = $1`, [rows[1]!.id]);
    const query = `query Node($id: ID!) { node(id: $id) { __typename id ... on Publication { title year authors { slug } topics { slug } } ... on Researcher { slug } } }`;
    expect((await pair.compiledAlike(query, { id: toGlobalId('Publication', rows[0]!.id) })).node).not.toBeNull();
    expect((await pair.compiledAlike(query, { id: toGlobalId('Publication', rows[1]!.id) })).node).toBeNull();
    expect((await pair.compiledAlike(query, { id: toGlobalId('Publication', 2_147_483_647) })).node).toBeNull();
  });

  it('node(id) of a topic and a role; a malformed id is the resolvers\' error', async () => {
    const ids = (await pair.database.pool.query<{ topic: number; role: number }>('SELECT (SELECT min(id) FROM topic) AS topic, (SELECT min(id) FROM role) AS role')).rows[0]!;
    const query = `query Node($id: ID!) { node(id: $id) { __typename id ... on Topic { slug name nameFr } ... on Role { key name nameFr } } }`;
    for (const id of [toGlobalId('Topic', ids.topic), toGlobalId('Role', ids.role), toGlobalId('Role', 2_147_483_647)]) await pair.compiledAlike(query, { id });
    const body = await pair.resolversAlike(query, { id: 'not-an-id' });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('topics and roles: all of them by name, one by slug or key, and a researcher\'s', async () => {
    const data = await pair.compiledAlike(`query Vocabulary($topic: String!) {
      topics { __typename id slug name nameFr }
      roles { __typename id key name nameFr }
      topic(slug: $topic) { id slug name nameFr }
      missing: topic(slug: "no-such-topic") { id }
      role(key: "principal-supervisor") { id key name nameFr }
      noRole: role(key: "no-such-role") { id }
    }`, { topic: 'deep-learning' });
    expect((data.topics as unknown[]).length).toBeGreaterThan(2);
    expect(data.missing).toBeNull();
  });

  // provenance is compiled (researcher/compiled.ts) once the registry lists fieldSourceCompilers as FieldSource.
  it.runIf(Boolean(compilerRegistry.FieldSource))('provenance: known sources only, by field name', async () => {
    const { rows } = await pair.database.pool.query<{ slug: string }>('SELECT slug FROM researcher ORDER BY id');
    await pair.database.pool.query(`UPDATE researcher SET provenance = '{"name": "curation", "Zeta": "bibtex", "orcid": 3, "b": "elsewhere"}' WHERE slug = $1`, [rows[0]!.slug]);
    for (const { slug } of rows) await pair.compiledAlike('query P($slug: String!) { researcher(slug: $slug) { provenance { field source __typename } } }', { slug });
  });

  it('a field no compiler covers (citations) sends the whole operation to the resolvers', async () => {
    await pair.resolversAlike(`query Cite($slug: String!) { researcher(slug: $slug) { name citations(format: BIBTEX) } }`, { slug: member });
  });
});
