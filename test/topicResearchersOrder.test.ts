// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/modules/shared/nodeId.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';
import { sameDataFromBoth, walkPages, type ConnectionPage } from './support/samePages.js';
import { startTestServer, type TestServer } from './support/server.js';
import { createApiToken, sendAs, type Send } from './support/tokens.js';

/**
 * A topic's researchers by name are read from researcher_topic's copy of the
 * researcher's name key (migration 20261130050000_researcher_topic_name_key,
 * kept by triggers). What a reader sees must stay what it was: researchers in
 * name-key order, the same cursors, whoever wrote the links (the import, the
 * topic assignment of updateResearcher, a merge) and after a key changes.
 * Every page is read from two servers, compiled reads on and off, and must
 * be the same bytes.
 */

const TOPIC = 'optimization';

let seeded: SeededApi;
/** The same database with compiled reads off: the resolvers' statements (topic/loaders.ts). */
let resolvers: TestServer;
let admin: Send;

const prisma = () => seeded.database.prisma;

const PAGE = `query TopicPage($slug: String!, $first: Int, $after: String) {
  topic(slug: $slug) { researchers(first: $first, after: $after) { totalCount edges { cursor node { slug name } } pageInfo { hasNextPage endCursor } } }
}`;

type Page = ConnectionPage<{ slug: string; name: string }>;

/** A page of the topic's researchers, the same bytes from both servers. */
async function page(first: number, after?: string | null): Promise<Page> {
  const data = await sameDataFromBoth<{ topic: { researchers: Page } }>({ compiled: seeded.api, resolvers }, PAGE, { slug: TOPIC, first, after });
  return data.topic.researchers;
}

/** The topic's researchers as a reader walks them, `size` at a time from the first page to the last. */
const walk = (size: number) => walkPages(page, size, (node) => node.slug);

/** The topic's researchers in the researcher's own order (name_key, id): what the page must show. */
async function byNameKey(): Promise<string[]> {
  const rows = await prisma().researcher.findMany({
    where: { topics: { some: { topic: { slug: TOPIC } } } },
    orderBy: [{ nameKey: 'asc' }, { id: 'asc' }],
    select: { slug: true },
  });
  return rows.map((row) => row.slug);
}

async function send(query: string, variables: Record<string, unknown>) {
  expect((await admin(query, variables)).body.errors).toBeUndefined();
}

const idOf = async (slug: string) => (await prisma().researcher.findUniqueOrThrow({ where: { slug } })).id;

const ASSIGN = `mutation Assign($id: ID!, $patch: ResearcherPatch!) { updateResearcher(id: $id, patch: $patch) { researcher { slug } } }`;
const MERGE = `mutation Merge($keep: ID!, $remove: ID!) { mergeResearchers(keep: $keep, remove: $remove) { removedId } }`;

beforeAll(async () => {
  seeded = await startSeededApi({ compiledReads: true });
  resolvers = await startTestServer(seeded.database, { compiledReads: false });
  admin = sendAs(seeded.api, await createApiToken(prisma(), 'lab admin', 'admin'));
  // Six co-authors of the seed get the topic through the API, as an editor assigns topics.
  const coauthors = await prisma().researcher.findMany({ where: { isMember: false }, orderBy: { id: 'desc' }, take: 6, select: { id: true } });
  for (const { id } of coauthors) await send(ASSIGN, { id: toGlobalId('Researcher', id), patch: { topics: [TOPIC] } });
});

afterAll(async () => {
  await resolvers?.close();
  await seeded?.close();
});

describe("a topic's researchers by name", () => {
  it('come in name-key order, the same walked two at a time as on one page', async () => {
    const expected = await byNameKey();
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect((await page(100)).edges.map((edge) => edge.node.slug)).toEqual(expected);
    expect(await walk(2)).toEqual(expected);
  });

  it('keep their place when a researcher is renamed through the API (the name key stays), with the new name shown', async () => {
    const before = await byNameKey();
    const first = before[0]!;
    await send(ASSIGN, { id: toGlobalId('Researcher', await idOf(first)), patch: { name: 'Zoë Renamed' } });
    const shown = (await page(100)).edges.map((edge) => edge.node);
    expect(shown.map((node) => node.slug)).toEqual(before);
    expect(shown[0]).toEqual({ slug: first, name: 'Zoë Renamed' });
  });

  it('are reordered when a name key changes (the trigger copies it to the links)', async () => {
    const before = await byNameKey();
    const first = before[0]!;
    await prisma().$executeRaw`UPDATE researcher SET name_key = 'zzzz moved last' WHERE slug = ${first}`;
    const after = await byNameKey();
    expect(after).toEqual([...before.slice(1), first]);
    expect(await walk(3)).toEqual(after);
  });

  it('stay right after a merge: the kept person takes the removed one\'s place by its own key, once', async () => {
    const { slug: keep } = await prisma().researcher.findFirstOrThrow({
      where: { topics: { none: { topic: { slug: TOPIC } } } },
      orderBy: { nameKey: 'asc' },
      select: { slug: true },
    });
    const remove = (await byNameKey()).at(-1)!;
    const withBoth = (await byNameKey()).length;
    await send(MERGE, { keep: toGlobalId('Researcher', await idOf(keep)), remove: toGlobalId('Researcher', await idOf(remove)) });
    const expected = await byNameKey();
    expect(expected).toContain(keep);
    expect(expected).not.toContain(remove);
    const first = await page(100);
    expect(first.totalCount).toBe(withBoth);
    expect(first.edges.map((edge) => edge.node.slug)).toEqual(expected);
    expect(await walk(2)).toEqual(expected);
  });

  it('refuse a link to no researcher with the foreign key\'s error, not a missing key', async () => {
    const topic = await prisma().topic.findUniqueOrThrow({ where: { slug: TOPIC } });
    await expect(prisma().$executeRaw`INSERT INTO researcher_topic (researcher_id, topic_id, updated_at) VALUES (999999, ${topic.id}, now())`)
      .rejects.toThrow(/foreign key/i);
  });
});
