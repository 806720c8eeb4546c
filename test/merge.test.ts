// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/modules/shared/nodeId.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';
import { createApiToken, sendAs, type Send } from './support/tokens.js';

/**
 * mergeResearchers on the seeded data plus a second record of Keller Jordan
 * ("Jordan Keller"): on a paper of both (at a better position), on a paper of
 * its own that both listed, with a role, a topic, and an older redirect.
 */

let seeded: SeededApi;
let admin: Send;
let editor: Send;
let anonymous: Send;
let keller: number;
let duplicate: number;
let sparseRewards: number;
let ownPaper: number;

const prisma = () => seeded.database.prisma;

beforeAll(async () => {
  seeded = await startSeededApi();
  const db = prisma();
  admin = sendAs(seeded.api, await createApiToken(db, 'lab admin', 'admin'));
  editor = sendAs(seeded.api, await createApiToken(db, 'web team', 'editor'));
  anonymous = sendAs(seeded.api, null);
  keller = (await db.researcher.findUniqueOrThrow({ where: { slug: 'keller-jordan' } })).id;
  const noor = (await db.researcher.findUniqueOrThrow({ where: { slug: 'noor-haddad-lefebvre' } })).id;
  duplicate = (await db.researcher.create({ data: { slug: 'jordan-keller', name: 'Jordan Keller', nameKey: 'jordan keller', searchKey: 'jordan keller', aliases: ['J. Keller'] } })).id;
  // Sparse Rewards: Oumar Diallo, Keller Jordan, Noor Haddad-Lefebvre; the duplicate goes first.
  sparseRewards = (await db.publication.findFirstOrThrow({ where: { title: 'Sparse Rewards' } })).id;
  await db.$executeRaw`UPDATE authorship SET position = position + 1 WHERE publication_id = ${sparseRewards}`;
  await db.authorship.create({ data: { publicationId: sparseRewards, researcherId: duplicate, position: 0 } });
  ownPaper = (await db.publication.create({ data: { titleKey: 'grokking with momentum', title: 'Grokking with Momentum', year: 2024 } })).id;
  await db.authorship.createMany({ data: [{ publicationId: ownPaper, researcherId: duplicate, position: 0 }, { publicationId: ownPaper, researcherId: noor, position: 1 }] });
  await db.listing.createMany({
    data: [
      { publicationId: ownPaper, ownerId: duplicate, title: 'Grokking with Momentum' },
      { publicationId: ownPaper, ownerId: keller, title: 'Grokking with Momentum' },
    ],
  });
  const coSupervisor = await db.role.findUniqueOrThrow({ where: { key: 'co-supervisor' } });
  const optimization = await db.topic.findUniqueOrThrow({ where: { slug: 'optimization' } });
  await db.researcherRole.create({ data: { researcherId: duplicate, roleId: coSupervisor.id } });
  await db.researcherTopic.create({ data: { researcherId: duplicate, topicId: optimization.id } });
  // A record merged into the duplicate earlier: it must lead to Keller Jordan afterwards.
  await db.researcherRedirect.create({ data: { removedId: 999_001, nameKey: 'k jordan', slug: 'k-jordan', researcherId: duplicate } });
});

afterAll(() => seeded.close());

const VIEW = `query View($removed: ID!) {
  keller: researcher(slug: "keller-jordan") { id name aliases publicationCount roles { key } topics { slug } publications(first: 50) { nodes { title } } }
  noor: researcher(slug: "noor-haddad-lefebvre") { coauthors(first: 50) { sharedPublications researcher { slug } } }
  bySlug: researcher(slug: "jordan-keller") { slug }
  byOldSlug: researcher(slug: "k-jordan") { slug }
  node(id: $removed) { ... on Researcher { slug } }
  researchers(first: 100) { totalCount }
}`;

interface View {
  keller: { id: string; name: string; aliases: string[]; publicationCount: number; roles: { key: string }[]; topics: { slug: string }[]; publications: { nodes: { title: string }[] } };
  noor: { coauthors: { sharedPublications: number; researcher: { slug: string } }[] };
  bySlug: { slug: string } | null;
  byOldSlug: { slug: string } | null;
  node: { slug: string } | null;
  researchers: { totalCount: number };
}

async function view(): Promise<View> {
  const response = await anonymous<View>(VIEW, { removed: toGlobalId('Researcher', duplicate) });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!;
}

const sharedWith = (data: View, slug: string) => data.noor.coauthors.find((coauthor) => coauthor.researcher.slug === slug)?.sharedPublications;

const MERGE = `mutation Merge($keep: ID!, $remove: ID!) {
  mergeResearchers(keep: $keep, remove: $remove) { removedId researcher { slug name aliases publicationCount } }
}`;

describe('mergeResearchers', () => {
  it('is for admins: an editor is FORBIDDEN and nothing moves', async () => {
    const response = await editor(MERGE, { keep: toGlobalId('Researcher', keller), remove: toGlobalId('Researcher', duplicate) });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await prisma().researcher.count({ where: { id: duplicate } })).toBe(1);
  });

  it('refuses to merge a record with itself', async () => {
    const response = await admin(MERGE, { keep: toGlobalId('Researcher', keller), remove: toGlobalId('Researcher', keller) });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'remove' });
  });

  it('makes one person: authorships, listings, roles, topics and spellings move; counts and co-authors are right; the removed id and slug lead to the kept person', async () => {
    const before = await view();
    expect(before.bySlug).toEqual({ slug: 'jordan-keller' });
    expect(sharedWith(before, 'keller-jordan')).toBe(1);
    expect(sharedWith(before, 'jordan-keller')).toBe(2);

    const response = await admin<{ mergeResearchers: { removedId: string; researcher: { slug: string; name: string; aliases: string[]; publicationCount: number } } }>(MERGE, {
      keep: toGlobalId('Researcher', keller),
      remove: toGlobalId('Researcher', duplicate),
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.mergeResearchers).toEqual({
      removedId: toGlobalId('Researcher', duplicate),
      researcher: { slug: 'keller-jordan', name: 'Keller Jordan', aliases: ['J. Keller', 'Jordan Keller'], publicationCount: before.keller.publicationCount + 1 },
    });

    const after = await view();
    expect(after.keller.publicationCount).toBe(before.keller.publicationCount + 1);
    expect(after.keller.publications.nodes.map((node) => node.title)).toContain('Grokking with Momentum');
    expect(after.keller.roles).toEqual([{ key: 'co-supervisor' }]);
    expect(after.keller.topics.map((topic) => topic.slug)).toContain('optimization');
    // Noor shares Sparse Rewards and Grokking with Momentum with the one person now.
    expect(sharedWith(after, 'keller-jordan')).toBe(2);
    expect(sharedWith(after, 'jordan-keller')).toBeUndefined();
    expect(after.researchers.totalCount).toBe(before.researchers.totalCount - 1);
    expect(after.node).toEqual({ slug: 'keller-jordan' });
    expect(after.bySlug).toEqual({ slug: 'keller-jordan' });
    expect(after.byOldSlug).toEqual({ slug: 'keller-jordan' });
  });

  it('keeps one authorship on a paper both were on, at the better position, and numbers the authors 0…n-1 again', async () => {
    const authors = await prisma().authorship.findMany({ where: { publicationId: sparseRewards }, orderBy: { position: 'asc' }, select: { position: true, researcher: { select: { slug: true } } } });
    expect(authors.map((author) => [author.position, author.researcher.slug])).toEqual([
      [0, 'keller-jordan'],
      [1, 'oumar-diallo'],
      [2, 'noor-haddad-lefebvre'],
    ]);
  });

  it('keeps one listing per owner and paper, and redirects the removed record and the ones merged into it before', async () => {
    expect(await prisma().listing.findMany({ where: { publicationId: ownPaper }, select: { ownerId: true } })).toEqual([{ ownerId: keller }]);
    const redirects = await prisma().researcherRedirect.findMany({ orderBy: { removedId: 'asc' }, select: { removedId: true, nameKey: true, slug: true, researcherId: true } });
    expect(redirects).toEqual([
      { removedId: duplicate, nameKey: 'jordan keller', slug: 'jordan-keller', researcherId: keller },
      { removedId: 999_001, nameKey: 'k jordan', slug: 'k-jordan', researcherId: keller },
    ]);
  });

  it('is in the audit log, with the removed record and the kept one’s changed fields', async () => {
    const [entry, ...more] = await prisma().auditLog.findMany({ where: { action: 'mergeResearchers' } });
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor: 'lab admin',
      actorRole: 'admin',
      targetType: 'Researcher',
      targetId: keller,
      before: { aliases: [], roles: [], removed: { id: duplicate, slug: 'jordan-keller', name: 'Jordan Keller', nameKey: 'jordan keller' } },
      after: { aliases: ['J. Keller', 'Jordan Keller'], roles: ['co-supervisor'], sharedPublications: 1 },
    });
  });

  it('refuses the removed record as an argument afterwards: it is no longer a record of its own', async () => {
    const response = await admin(MERGE, { keep: toGlobalId('Researcher', keller), remove: toGlobalId('Researcher', duplicate) });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'remove' });
  });
});
