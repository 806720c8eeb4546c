// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../src/modules/shared/nodeId.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';
import { sameDataFromBoth, walkPages, type ConnectionPage } from './support/samePages.js';
import { startTestServer, type TestServer } from './support/server.js';
import { createApiToken, sendAs, type Send } from './support/tokens.js';

/**
 * A researcher's papers newest first are read from authorship's copies of the
 * paper's keys (migration 20261130060000_authorship_paper_order_keys, kept by
 * triggers). What a reader sees must stay what it was: shown papers in
 * (coalesce(year, -1) DESC, title_key, id) order, the same cursors, after a
 * paper's year or title changes and after it is hidden or shown again. Every
 * page is read from two servers, compiled reads on and off, and must be the
 * same bytes.
 */

let seeded: SeededApi;
/** The same database with compiled reads off: the resolvers' statements (researcher/loaders.ts). */
let resolvers: TestServer;
let admin: Send;
/** The member with the most papers. */
let member: { id: number; slug: string };

const prisma = () => seeded.database.prisma;

const PAGE = `query ResearcherPapers($slug: String!, $first: Int, $after: String) {
  researcher(slug: $slug) { publications(first: $first, after: $after) { totalCount edges { cursor node { id title year } } pageInfo { hasNextPage endCursor } } }
}`;

type Page = ConnectionPage<{ id: string; title: string; year: number | null }>;

/** A page of the member's papers, the same bytes from both servers. */
async function page(first: number, after?: string | null): Promise<Page> {
  const data = await sameDataFromBoth<{ researcher: { publications: Page } }>({ compiled: seeded.api, resolvers }, PAGE, { slug: member.slug, first, after });
  return data.researcher.publications;
}

/** The member's papers as a reader walks them, `size` at a time from the first page to the last. */
const walk = (size: number) => walkPages(page, size, (node) => node.id);

/** The member's shown papers in the paper's own order, read from publication: what the page must show. */
async function newestFirst(): Promise<string[]> {
  const rows = await prisma().$queryRaw<{ id: number }[]>`
    SELECT p.id FROM publication p JOIN authorship a ON a.publication_id = p.id
    WHERE a.researcher_id = ${member.id} AND p.hidden_at IS NULL
    ORDER BY coalesce(p.year, -1) DESC, p.title_key, p.id`;
  return rows.map((row) => toGlobalId('Publication', row.id));
}

async function send(query: string, variables: Record<string, unknown>) {
  expect((await admin(query, variables)).body.errors).toBeUndefined();
}

const UPDATE = `mutation Update($id: ID!, $patch: PublicationPatch!) { updatePublication(id: $id, patch: $patch) { publication { id } } }`;
const HIDE = `mutation Hide($id: ID!) { hidePublication(id: $id, reason: "not a paper of the lab") { publication { id } } }`;
const RESTORE = `mutation Restore($id: ID!) { restorePublication(id: $id) { publication { id } } }`;

beforeAll(async () => {
  seeded = await startSeededApi({ compiledReads: true });
  resolvers = await startTestServer(seeded.database, { compiledReads: false });
  admin = sendAs(seeded.api, await createApiToken(prisma(), 'lab admin', 'admin'));
  const [top] = await prisma().$queryRaw<{ id: number; slug: string }[]>`
    SELECT r.id, r.slug FROM researcher r JOIN authorship a ON a.researcher_id = r.id
    WHERE r.is_member GROUP BY r.id ORDER BY count(*) DESC, r.id LIMIT 1`;
  member = top!;
});

afterAll(async () => {
  await resolvers?.close();
  await seeded?.close();
});

describe("a researcher's papers newest first", () => {
  it('come in year, title-key, id order, the same walked two at a time as on one page', async () => {
    const expected = await newestFirst();
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const first = await page(100);
    expect(first.totalCount).toBe(expected.length);
    expect(first.edges.map((edge) => edge.node.id)).toEqual(expected);
    expect(await walk(2)).toEqual(expected);
  });

  it('are reordered when a paper\'s year is corrected through the API (the trigger copies it to the links)', async () => {
    const before = await newestFirst();
    const oldest = before.at(-1)!;
    await send(UPDATE, { id: oldest, patch: { year: new Date().getUTCFullYear() + 1 } });
    const after = await newestFirst();
    expect(after[0]).toBe(oldest);
    expect(after).toEqual([oldest, ...before.slice(0, -1)]);
    expect(await walk(3)).toEqual(after);
    const undated = after[0]!;
    await send(UPDATE, { id: undated, patch: { year: null } });
    expect((await newestFirst()).at(-1)).toBe(undated);
    expect(await walk(3)).toEqual(await newestFirst());
  });

  it('keep their place when a title is corrected through the API (the title key stays), with the new title shown', async () => {
    const before = await newestFirst();
    const target = before[1]!;
    await send(UPDATE, { id: target, patch: { title: 'Zzz a corrected title' } });
    const shown = (await page(100)).edges.map((edge) => edge.node);
    expect(shown.map((node) => node.id)).toEqual(before);
    expect(shown[1]!.title).toBe('Zzz a corrected title');
  });

  it('are reordered when a title key changes (the trigger copies it to the links)', async () => {
    const before = await newestFirst();
    const year = (await page(100)).edges[0]!.node.year;
    const sameYear = (await page(100)).edges.filter((edge) => edge.node.year === year).map((edge) => edge.node.id);
    if (sameYear.length < 2) {
      // Make a second paper of the first one's year, so that the title key decides between them.
      await send(UPDATE, { id: before[1], patch: { year } });
    }
    const ids = await newestFirst();
    await prisma().$executeRaw`UPDATE publication SET title_key = ${'zzzz moved last of its year'} WHERE id = ${fromGlobalId(ids[0]!).id}`;
    const after = await newestFirst();
    expect(after).not.toEqual(ids);
    expect(after.indexOf(ids[0]!)).toBeGreaterThan(0);
    expect(await walk(2)).toEqual(after);
  });

  it('leave out a hidden paper, in the list and its count, and take it back when it is shown again', async () => {
    const before = await newestFirst();
    const hidden = before[2]!;
    await send(HIDE, { id: hidden });
    const without = await page(100);
    expect(without.edges.map((edge) => edge.node.id)).toEqual(before.filter((id) => id !== hidden));
    expect(without.totalCount).toBe(before.length - 1);
    expect(await walk(2)).toEqual(await newestFirst());
    await send(RESTORE, { id: hidden });
    expect((await page(100)).edges.map((edge) => edge.node.id)).toEqual(before);
    expect(await walk(3)).toEqual(before);
  });

  it('are the same papers and cursors in Query.publications filtered by the author, a hidden one left out', async () => {
    const query = `query ByAuthor($author: String!, $first: Int, $after: String) {
      publications(first: $first, after: $after, filter: { author: $author }) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
    }`;
    const read = async (variables: Record<string, unknown>) => {
      const texts = await Promise.all([seeded.api, resolvers].map(async (server) => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        return response.text();
      }));
      expect(texts[1]).toBe(texts[0]);
      return (JSON.parse(texts[0]!) as { data: { publications: Page } }).data.publications;
    };
    const hidden = (await newestFirst())[0]!;
    await send(HIDE, { id: hidden });
    const expected = await newestFirst();
    const all = await read({ author: member.slug, first: 100 });
    expect(all.totalCount).toBe(expected.length);
    expect(all.edges.map((edge) => edge.node.id)).toEqual(expected);
    expect(all.edges).toEqual((await page(100)).edges.map((edge) => ({ cursor: edge.cursor, node: { id: edge.node.id } })));
    const first = await read({ author: member.slug, first: 2 });
    const second = await read({ author: member.slug, first: 2, after: first.pageInfo.endCursor });
    expect([...first.edges, ...second.edges].map((edge) => edge.node.id)).toEqual(expected.slice(0, 4));
    await send(RESTORE, { id: hidden });
  });

  it('refuse a link to no paper with the foreign key\'s error, not a missing key', async () => {
    await expect(prisma().$executeRaw`INSERT INTO authorship (publication_id, researcher_id, position, updated_at) VALUES (999999, ${member.id}, 0, now())`)
      .rejects.toThrow(/foreign key/i);
  });
});
