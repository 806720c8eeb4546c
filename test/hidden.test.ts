// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/modules/shared/nodeId.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';
import { createApiToken, sendAs, type Send } from './support/tokens.js';

/** A hidden paper is in no public list, count, search or co-author count; editors still see it, with a filter. */

let seeded: SeededApi;
let editor: Send;
let admin: Send;
let anonymous: Send;
let paperId: string;

const TITLE = 'How Learning Rates Shape Neural Network Focus: Insights from Example Ranking';

beforeAll(async () => {
  seeded = await startSeededApi();
  const prisma = seeded.database.prisma;
  editor = sendAs(seeded.api, await createApiToken(prisma, 'web team', 'editor'));
  admin = sendAs(seeded.api, await createApiToken(prisma, 'lab admin', 'admin'));
  anonymous = sendAs(seeded.api, null);
  paperId = toGlobalId('Publication', (await prisma.publication.findFirstOrThrow({ where: { title: TITLE } })).id);
});

afterAll(() => seeded.close());

/** Everything public that could show the paper, as an anonymous visitor reads it. */
const PUBLIC_VIEW = `query PublicView($id: ID!) {
  all: publications(first: 100) { totalCount nodes { title } }
  search: publications(filter: { search: "example ranking" }) { totalCount nodes { title } }
  byAuthor: publications(filter: { author: "keller-jordan" }) { totalCount }
  aristide: researcher(slug: "aristide-baratin") { publicationCount publications(first: 100) { totalCount nodes { title } } }
  keller: researcher(slug: "keller-jordan") { publicationCount coauthors(first: 20) { sharedPublications researcher { slug } } }
  busiest: researchers(first: 3, orderBy: PUBLICATION_COUNT) { nodes { slug publicationCount } }
  topic: topic(slug: "deep-learning") { publications(first: 100) { totalCount nodes { title } } }
  publication(id: $id) { title }
  node(id: $id) { id }
}`;

interface PublicView {
  all: { totalCount: number; nodes: { title: string }[] };
  search: { totalCount: number; nodes: { title: string }[] };
  byAuthor: { totalCount: number };
  aristide: { publicationCount: number; publications: { totalCount: number; nodes: { title: string }[] } };
  keller: { publicationCount: number; coauthors: { sharedPublications: number; researcher: { slug: string } }[] };
  busiest: { nodes: { slug: string; publicationCount: number }[] };
  topic: { publications: { totalCount: number; nodes: { title: string }[] } };
  publication: { title: string } | null;
  node: { id: string } | null;
}

async function publicView(): Promise<PublicView> {
  const response = await anonymous<PublicView>(PUBLIC_VIEW, { id: paperId });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!;
}

const shared = (view: PublicView, slug: string) => view.keller.coauthors.find((coauthor) => coauthor.researcher.slug === slug)?.sharedPublications ?? 0;
const titles = (nodes: { title: string }[]) => nodes.map((node) => node.title);

describe('a hidden paper', () => {
  let shown: PublicView;
  let hidden: PublicView;

  beforeAll(async () => {
    shown = await publicView();
    const response = await admin<{ hidePublication: { publication: { title: string; hidden: { at: string; reason: string } } } }>(
      `mutation Hide($id: ID!) { hidePublication(id: $id, reason: "Not a paper of the lab") { publication { title hidden { at reason } } } }`,
      { id: paperId },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.hidePublication.publication).toMatchObject({ title: TITLE, hidden: { reason: 'Not a paper of the lab' } });
    hidden = await publicView();
  });

  it('was there before, everywhere', () => {
    expect(titles(shown.all.nodes)).toContain(TITLE);
    expect(titles(shown.search.nodes)).toEqual([TITLE]);
    expect(titles(shown.aristide.publications.nodes)).toContain(TITLE);
    expect(titles(shown.topic.publications.nodes)).toContain(TITLE);
    expect(shared(shown, 'aristide-baratin')).toBeGreaterThan(0);
    expect(shown.publication).toEqual({ title: TITLE });
    expect(shown.node).toEqual({ id: paperId });
  });

  it('is in no public list, search or count', () => {
    expect(titles(hidden.all.nodes)).not.toContain(TITLE);
    expect(hidden.all.totalCount).toBe(shown.all.totalCount - 1);
    expect(hidden.search).toEqual({ totalCount: 0, nodes: [] });
    expect(hidden.byAuthor.totalCount).toBe(shown.byAuthor.totalCount - 1);
    expect(titles(hidden.aristide.publications.nodes)).not.toContain(TITLE);
    expect(hidden.aristide.publicationCount).toBe(shown.aristide.publicationCount - 1);
    expect(hidden.aristide.publications.totalCount).toBe(shown.aristide.publications.totalCount - 1);
    expect(hidden.keller.publicationCount).toBe(shown.keller.publicationCount - 1);
    expect(titles(hidden.topic.publications.nodes)).not.toContain(TITLE);
    expect(hidden.topic.publications.totalCount).toBe(shown.topic.publications.totalCount - 1);
    const aristide = (view: PublicView) => view.busiest.nodes.find((node) => node.slug === 'aristide-baratin')?.publicationCount;
    expect(aristide(hidden)).toBe(hidden.aristide.publicationCount);
  });

  it('no longer counts among shared publications of its co-authors', () => {
    expect(shared(hidden, 'aristide-baratin')).toBe(shared(shown, 'aristide-baratin') - 1);
    expect(shared(hidden, 'nicolas-roux')).toBe(shared(shown, 'nicolas-roux') - 1);
  });

  it('is null by id for anonymous readers', () => {
    expect(hidden.publication).toBeNull();
    expect(hidden.node).toBeNull();
  });

  it('is seen by editors by id, with when and why, and in lists with filter.visibility', async () => {
    const response = await editor<{
      publication: { title: string; hidden: { at: string; reason: string } };
      hiddenOnly: { totalCount: number; nodes: { title: string }[] };
      every: { totalCount: number };
      shownOnly: { totalCount: number };
    }>(
      `query Editor($id: ID!) {
        publication(id: $id) { title hidden { at reason } }
        hiddenOnly: publications(filter: { visibility: HIDDEN }) { totalCount nodes { title } }
        every: publications(filter: { visibility: ALL }) { totalCount }
        shownOnly: publications { totalCount }
      }`,
      { id: paperId },
    );
    expect(response.body.errors).toBeUndefined();
    const data = response.body.data!;
    expect(data.publication.title).toBe(TITLE);
    expect(data.publication.hidden.reason).toBe('Not a paper of the lab');
    expect(Date.parse(data.publication.hidden.at)).not.toBeNaN();
    expect(data.hiddenOnly).toEqual({ totalCount: 1, nodes: [{ title: TITLE }] });
    expect(data.every.totalCount).toBe(shown.all.totalCount);
    expect(data.shownOnly.totalCount).toBe(shown.all.totalCount - 1);
  });

  it('cannot be listed without a token, and Publication.hidden is null for anonymous readers', async () => {
    const refused = await anonymous(`{ publications(filter: { visibility: HIDDEN }) { totalCount } }`);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const visible = await anonymous<{ publications: { nodes: { hidden: unknown }[] } }>(`{ publications(first: 3) { nodes { hidden { at reason } } } }`);
    expect(visible.body.data!.publications.nodes).toEqual([{ hidden: null }, { hidden: null }, { hidden: null }]);
  });

  it('comes back everywhere when restored, and both changes are in the audit log', async () => {
    const response = await admin<{ restorePublication: { publication: { hidden: unknown } } }>(
      `mutation Restore($id: ID!) { restorePublication(id: $id) { publication { hidden { at } } } }`,
      { id: paperId },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.restorePublication.publication.hidden).toBeNull();
    expect(await publicView()).toEqual(shown);
    const entries = await seeded.database.prisma.auditLog.findMany({ where: { targetType: 'Publication' }, orderBy: { id: 'asc' } });
    expect(entries.map((entry) => [entry.action, entry.actor])).toEqual([
      ['hidePublication', 'lab admin'],
      ['restorePublication', 'lab admin'],
    ]);
    expect(entries[0]!.before).toEqual({ hidden: null });
    expect(entries[0]!.after).toMatchObject({ hidden: { reason: 'Not a paper of the lab' } });
    expect(entries[1]!.after).toEqual({ hidden: null });
  });
});
