// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/audit/record.js';
import { createApiToken } from '../src/auth/tokenStore.js';
import type { Viewer } from '../src/auth/viewer.js';
import type { Database } from '../src/db/database.js';
import { toGlobalId } from '../src/modules/shared/nodeId.js';
import { graphql } from './generated/gql.js';
import type { AuditLogPageQuery, AuditLogPageQueryVariables } from './generated/graphql.js';
import { bearer, graphqlWith } from './support/bearer.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * Query.auditLog on entries written by recordAudit (as the mutations write
 * them) and by SQL (to set their instants): newest first, pages, the target
 * filter, targets that are gone, and the JSON of before and after.
 */
let testDatabase: TestDatabase;
let database: Database;
let api: TestServer;
let admin: string;
let publicationId: number;
let researcherId: number;

const editor: Viewer = { name: 'web team', role: 'editor', via: 'token' };
const curator: Viewer = { name: 'ada@lab.test', role: 'admin', via: 'jwt' };

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openTestDatabase(testDatabase);
  api = await startTestServer(database);
  admin = bearer(await createApiToken(database.prisma, 'lab admin', 'admin'));
  const prisma = database.prisma;
  const paper = await prisma.publication.create({ data: { title: 'Torque-Aware Momentum', titleKey: 'torque aware momentum', year: 2024 } });
  const person = await prisma.researcher.create({ data: { slug: 'ada-lovelace', name: 'Ada Lovelace', nameKey: 'ada lovelace', searchKey: 'ada lovelace' } });
  publicationId = paper.id;
  researcherId = person.id;

  // Three changes in one transaction, as a mutation writes them…
  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, editor, { action: 'updatePublication', targetType: 'Publication', targetId: paper.id, before: { year: 2023 }, after: { year: 2024 } });
    await recordAudit(tx, editor, {
      action: 'updatePublication',
      targetType: 'Publication',
      targetId: paper.id,
      before: { title: 'Torque Aware Momentum', topics: ['optimization'] },
      after: { title: 'Torque-Aware Momentum', topics: ['optimization', 'deep-learning'] },
    });
    await recordAudit(tx, curator, { action: 'updateResearcher', targetType: 'Researcher', targetId: person.id, before: { name: 'Ada Lovelase' }, after: { name: 'Ada Lovelace' } });
  });
  // …and four at instants set here, written out of order (the oldest last, so that id order is not the answer; two share an instant).
  const at = (iso: string) => new Date(iso);
  await prisma.auditLog.create({ data: { at: at('2026-11-29T10:00:00.000Z'), actor: 'lab admin', actorKind: 'token', actorRole: 'admin', action: 'importProfiles', targetType: 'Import', targetId: null, after: { created: 3 } } });
  await prisma.auditLog.create({ data: { at: at('2026-11-29T10:00:00.000Z'), actor: 'lab admin', actorKind: 'token', actorRole: 'admin', action: 'importProfiles', targetType: 'Import', targetId: null, after: { created: 1 } } });
  await prisma.auditLog.create({ data: { at: at('2026-11-29T12:00:00.000Z'), actor: 'lab admin', actorKind: 'token', actorRole: 'admin', action: 'mergeResearchers', targetType: 'Researcher', targetId: 2_000_000, before: { name: 'A. Lovelace' } } });
  await prisma.auditLog.create({ data: { at: at('2026-11-29T09:00:00.000Z'), actor: 'web team', actorKind: 'token', actorRole: 'editor', action: 'hidePublication', targetType: 'Publication', targetId: paper.id, before: { hidden: false }, after: { hidden: true, reason: 'duplicate' } } });
});

afterAll(async () => {
  await api?.close();
  await database?.close();
  await testDatabase?.drop();
});

const AuditLogPage = graphql(`query AuditLogPage($first: Int, $after: String, $last: Int, $before: String, $target: ID) {
  auditLog(first: $first, after: $after, last: $last, before: $before, target: $target) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor
      node {
        id at actor actorKind actorRole action targetType targetId before after
        target { __typename id ... on Publication { title } ... on Researcher { name } }
      }
    }
  }
}`);

type Entry = AuditLogPageQuery['auditLog']['edges'][number]['node'];

async function page(variables: AuditLogPageQueryVariables): Promise<AuditLogPageQuery['auditLog']> {
  const response = await graphqlWith(api, admin, AuditLogPage, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.auditLog;
}

const actions = (edges: { node: Entry }[]) => edges.map((edge) => edge.node.id);

describe('Query.auditLog', () => {
  it('lists every entry newest first: by instant, then the later-written first among equal instants', async () => {
    const all = await page({ first: 10 });
    expect(all.totalCount).toBe(7);
    const entries = all.edges.map((edge) => edge.node);
    // The transaction's three entries are the newest (written now), the last written first.
    expect(entries.slice(0, 3).map((entry) => entry.action)).toEqual(['updateResearcher', 'updatePublication', 'updatePublication']);
    expect(entries.slice(1, 3).map((entry) => entry.after)).toEqual([{ title: 'Torque-Aware Momentum', topics: ['optimization', 'deep-learning'] }, { year: 2024 }]);
    expect(entries.slice(3).map((entry) => `${entry.action} ${entry.at} ${JSON.stringify(entry.after)}`)).toEqual([
      'mergeResearchers 2026-11-29T12:00:00.000Z null',
      'importProfiles 2026-11-29T10:00:00.000Z {"created":1}',
      'importProfiles 2026-11-29T10:00:00.000Z {"created":3}',
      'hidePublication 2026-11-29T09:00:00.000Z {"hidden":true,"reason":"duplicate"}',
    ]);
    expect(Number(entries[4]!.id)).toBeGreaterThan(Number(entries[5]!.id));
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('shows who, how, what, the target and the fields before and after', async () => {
    const [newest, second] = (await page({ first: 2 })).edges.map((edge) => edge.node);
    expect(newest).toEqual({
      id: expect.any(String) as string,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
      actor: 'ada@lab.test',
      actorKind: 'JWT',
      actorRole: 'ADMIN',
      action: 'updateResearcher',
      targetType: 'Researcher',
      targetId: toGlobalId('Researcher', researcherId),
      before: { name: 'Ada Lovelase' },
      after: { name: 'Ada Lovelace' },
      target: { __typename: 'Researcher', id: toGlobalId('Researcher', researcherId), name: 'Ada Lovelace' },
    });
    expect(second).toMatchObject({
      actor: 'web team',
      actorKind: 'TOKEN',
      actorRole: 'EDITOR',
      before: { title: 'Torque Aware Momentum', topics: ['optimization'] },
      after: { title: 'Torque-Aware Momentum', topics: ['optimization', 'deep-learning'] },
      target: { __typename: 'Publication', title: 'Torque-Aware Momentum' },
    });
  });

  it('keeps the id of a target that is gone (target null), and has no target for an import', async () => {
    const entries = (await page({ first: 10 })).edges.map((edge) => edge.node);
    expect(entries.find((entry) => entry.action === 'mergeResearchers')).toMatchObject({
      targetId: toGlobalId('Researcher', 2_000_000),
      target: null,
      after: null,
    });
    expect(entries.find((entry) => entry.action === 'importProfiles')).toMatchObject({ targetType: 'Import', targetId: null, target: null, before: null });
  });

  it('pages forward with first/after and back with last/before, without gaps or repeats', async () => {
    const all = actions((await page({ first: 10 })).edges);
    const first = await page({ first: 2 });
    expect(actions(first.edges)).toEqual(all.slice(0, 2));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    // The cursor of an entry that shares its instant with others (the transaction's).
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(actions(second.edges)).toEqual(all.slice(2, 4));
    const third = await page({ first: 2, after: second.pageInfo.endCursor });
    expect(actions(third.edges)).toEqual(all.slice(4, 6));
    const fourth = await page({ first: 2, after: third.pageInfo.endCursor });
    expect(actions(fourth.edges)).toEqual(all.slice(6));
    expect(fourth.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = await page({ last: 3, before: fourth.pageInfo.startCursor });
    expect(actions(back.edges)).toEqual(all.slice(3, 6));
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    // A page that starts between the two entries of one instant.
    const tie = (await page({ first: 10 })).edges[4]!;
    expect(actions((await page({ first: 2, after: tie.cursor })).edges)).toEqual(all.slice(5, 7));
    expect(actions((await page({ last: 1, before: tie.cursor })).edges)).toEqual(all.slice(3, 4));
  });

  it('filters by target (a global id), newest first, with its own total', async () => {
    const paper = await page({ target: toGlobalId('Publication', publicationId) });
    expect(paper.totalCount).toBe(3);
    expect(paper.edges.map((edge) => edge.node.action)).toEqual(['updatePublication', 'updatePublication', 'hidePublication']);
    const next = await page({ target: toGlobalId('Publication', publicationId), first: 1, after: paper.edges[1]!.cursor });
    expect(next.edges.map((edge) => edge.node.action)).toEqual(['hidePublication']);
    expect((await page({ target: toGlobalId('Topic', 1) })).totalCount).toBe(0);
  });

  it.each([
    [{ target: 'nonsense' }, 'Argument "target" is not a valid id: "nonsense". Use an id returned by this API, e.g. Researcher.id.'],
    [{ after: 'bm9wZQ' }, 'Argument "after" is not a valid cursor: "bm9wZQ". Use a cursor from edges.cursor or pageInfo of the same field.'],
    [{ after: Buffer.from(JSON.stringify(['NEWEST', 'yesterday', 1])).toString('base64url') }, 'Argument "after" is not a valid cursor'],
    [{ first: 101 }, 'Argument "first" must be between 0 and 100; got 101.'],
  ])('refuses bad arguments with BAD_USER_INPUT: %j', async (variables, message) => {
    const response = await graphqlWith(api, admin, AuditLogPage, variables);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(response.body.errors![0]!.message).toContain(message);
  });

  it('is for admins only: the arguments are not even read without the role', async () => {
    const response = await graphqlWith(api, undefined, AuditLogPage, { target: 'nonsense' });
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
