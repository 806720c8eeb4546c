// @module-tag runtime
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { seedProfilesDir } from '../src/db/paths.js';
import { toGlobalId } from '../src/modules/shared/nodeId.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { runSeedCli } from './support/seedCli.js';
import { startTestServer, type TestServer } from './support/server.js';
import { createApiToken, sendAs, type Send } from './support/tokens.js';

/**
 * Every kind of correction made through the write API outlives `npm run seed`
 * of every profile again: publication fields, authors and topics; a
 * researcher's name, ORCID, position, organisation, roles and topics; a merge;
 * a hidden paper; a paper no profile lists. What nobody corrected, the import
 * still updates.
 */

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-curation-'));
// A profile of its own, naming "Nicolas Le Roux": a second record of Nicolas Roux, merged below.
const extraProfile = path.join(scratch, 'ada-lovelace.txt');
fs.writeFileSync(
  extraProfile,
  [
    'Portrait of Ada Lovelace',
    '',
    'Ada Lovelace',
    '',
    'Core Academic Member - Analytical Society',
    'Research Topics',
    'Optimization',
    '',
    'Publications',
    '',
    'Analytical Engines for Momentum',
    'Nicolas Le Roux',
    'We study momentum methods as the analytical engine would run them.',
    '',
  ].join('\n'),
);
const allProfiles = [seedProfilesDir, extraProfile];

let testDatabase: TestDatabase;
let database: Database;
let api: TestServer;
let editor: Send;
let admin: Send;
let anonymous: Send;

const prisma = () => database.prisma;
const paperId = async (title: string) => toGlobalId('Publication', (await prisma().publication.findFirstOrThrow({ where: { title } })).id);
const personId = async (slug: string) => toGlobalId('Researcher', (await prisma().researcher.findUniqueOrThrow({ where: { slug } })).id);

async function ok<T>(send: Send, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await send<T>(query, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!;
}

const SNAPSHOT = `query Snapshot($torque: ID!, $sparse: ID!, $lookbehind: ID!) {
  torque: publication(id: $torque) { title abstract abstractTruncated year venue doi topics { slug } authors { slug } }
  sparse: publication(id: $sparse) { authors { slug } }
  lookbehind: publication(id: $lookbehind) { title }
  noor: researcher(slug: "noor-haddad-lefebvre") { name aliases orcid position organization isMember roles { key } topics { slug } }
  oumar: researcher(slug: "oumar-diallo") { name aliases orcid }
  nicolas: researcher(slug: "nicolas-roux") { slug name aliases publicationCount publications(first: 50) { nodes { title authors { slug } } } }
  leRoux: researcher(slug: "nicolas-le-roux") { slug }
  created: publications(filter: { search: "\\"paper no profile lists\\"" }) { nodes { title authors { slug } } }
  all: publications(first: 100, orderBy: TITLE) { totalCount nodes { title } }
  researchers(first: 100) { totalCount nodes { slug } }
}`;

let ids: Record<string, string>;

/**
 * The public view of everything corrected. The merged person's spellings are
 * compared as a set: which of the two seen spellings is the name is the
 * import's choice ("the best spelling seen"), as it was before the merge.
 */
async function snapshot(): Promise<Record<string, unknown>> {
  const data = await ok<Record<string, unknown> & { nicolas: { name: string; aliases: string[] } }>(anonymous, SNAPSHOT, ids);
  const { name, aliases, ...nicolas } = data.nicolas;
  return { ...data, nicolas: { ...nicolas, spellings: [name, ...aliases].sort() } };
}

beforeAll(async () => {
  testDatabase = await createTestDatabase({ seeded: true });
  database = await openTestDatabase(testDatabase);
  api = await startTestServer(database);
  editor = sendAs(api, await createApiToken(prisma(), 'web team', 'editor'));
  admin = sendAs(api, await createApiToken(prisma(), 'lab admin', 'admin'));
  anonymous = sendAs(api, null);
  // The seeded database holds seed/profiles/; the extra profile is imported as any profile is.
  const first = await runSeedCli(allProfiles, testDatabase.env);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  ids = {
    torque: await paperId('Torque-Aware Momentum'),
    sparse: await paperId('Sparse Rewards'),
    lookbehind: await paperId('Lookbehind-SAM: k Steps Back, 1 Step Forward'),
  };
});

afterAll(async () => {
  await api?.close();
  await database?.close();
  await testDatabase?.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('corrections made through the API', () => {
  let corrected: Record<string, unknown>;
  let reimport: { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    await ok(editor, `mutation ($id: ID!) { updatePublication(id: $id, patch: { title: "Torque-Aware Momentum (TAM)", abstract: "A corrected abstract.", year: 2025, venue: "ICLR", doi: "10.48550/arXiv.2412.18790", topics: ["optimization"] }) { publication { id } } }`, { id: ids.torque });
    const [keller, oumar, noor] = await Promise.all(['keller-jordan', 'oumar-diallo', 'noor-haddad-lefebvre'].map(personId));
    await ok(editor, `mutation ($id: ID!, $authors: [ID!]!) { setPublicationAuthors(id: $id, authors: $authors) { publication { id } } }`, { id: ids.sparse, authors: [keller, oumar, noor] });
    await ok(editor, `mutation ($id: ID!) { updateResearcher(id: $id, patch: { name: "Noor Haddad", orcid: "0000-0002-1825-0097", position: "independent-visiting-researcher", organization: "Mila", roles: ["co-supervisor"], topics: ["deep-learning"] }) { researcher { id } } }`, { id: noor });
    await ok(editor, `mutation ($id: ID!) { updateResearcher(id: $id, patch: { name: "Oumar Diallo-Ndiaye" }) { researcher { id } } }`, { id: oumar });
    await ok(admin, `mutation ($keep: ID!, $remove: ID!) { mergeResearchers(keep: $keep, remove: $remove) { removedId } }`, {
      keep: await personId('nicolas-roux'),
      remove: await personId('nicolas-le-roux'),
    });
    await ok(admin, `mutation ($id: ID!) { hidePublication(id: $id, reason: "Listed by mistake") { publication { id } } }`, { id: ids.lookbehind });
    await ok(editor, `mutation ($noor: ID!) { createPublication(input: { title: "A Paper No Profile Lists", year: 2024, authors: [$noor] }) { publication { id } } }`, { noor });
    corrected = await snapshot();
    // What nobody corrected: changed behind the import's back, the import puts the profile's value back.
    await prisma().$executeRaw`UPDATE publication SET abstract = 'stale' WHERE title = 'CrossSplit: Mitigating Label Noise Memorization through Data Splitting'`;
    reimport = await runSeedCli(allProfiles, testDatabase.env);
  });

  it('the re-import runs and says how many corrected values it kept', () => {
    expect(reimport.stderr).toBe('');
    expect(reimport.code).toBe(0);
    expect(reimport.stdout).toMatch(/Kept \d+ corrected values? that the files would have changed\./u);
  });

  it('every correction holds: publication fields, authors, topics, names, ORCID, position, roles, topics, the merge, the hidden paper, the created paper', async () => {
    expect(await snapshot()).toEqual(corrected);
    expect(corrected).toMatchObject({
      torque: { title: 'Torque-Aware Momentum (TAM)', abstract: 'A corrected abstract.', abstractTruncated: false, year: 2025, venue: 'ICLR', doi: '10.48550/arxiv.2412.18790', topics: [{ slug: 'optimization' }] },
      sparse: { authors: [{ slug: 'keller-jordan' }, { slug: 'oumar-diallo' }, { slug: 'noor-haddad-lefebvre' }] },
      lookbehind: null,
      noor: { name: 'Noor Haddad', aliases: ['Noor Haddad-Lefebvre'], orcid: '0000-0002-1825-0097', position: 'Independent visiting researcher', organization: 'Mila', isMember: true, roles: [{ key: 'co-supervisor' }], topics: [{ slug: 'deep-learning' }] },
      oumar: { name: 'Oumar Diallo-Ndiaye', aliases: ['Oumar Diallo'] },
      leRoux: { slug: 'nicolas-roux' },
      created: { nodes: [{ title: 'A Paper No Profile Lists', authors: [{ slug: 'noor-haddad-lefebvre' }] }] },
    });
    const nicolas = corrected.nicolas as { spellings: string[]; publications: { nodes: { title: string; authors: { slug: string }[] }[] } };
    expect(nicolas.spellings).toEqual(['Nicolas Le Roux', 'Nicolas Roux']);
    expect(nicolas.publications.nodes.find((node) => node.title === 'Analytical Engines for Momentum')?.authors).toEqual([{ slug: 'nicolas-roux' }, { slug: 'ada-lovelace' }]);
    const slugs = (corrected.researchers as { nodes: { slug: string }[] }).nodes.map((node) => node.slug);
    expect(slugs).not.toContain('nicolas-le-roux');
  });

  it('the hidden paper is still there for editors, still hidden', async () => {
    const data = await ok<{ publications: { nodes: { title: string; hidden: { reason: string } }[] } }>(editor, `{ publications(filter: { visibility: HIDDEN }) { nodes { title hidden { reason } } } }`);
    expect(data.publications.nodes).toEqual([{ title: 'Lookbehind-SAM: k Steps Back, 1 Step Forward', hidden: { reason: 'Listed by mistake' } }]);
  });

  it('what nobody corrected, the import still updates', async () => {
    const row = await prisma().publication.findFirstOrThrow({ where: { title: 'CrossSplit: Mitigating Label Noise Memorization through Data Splitting' } });
    expect(row.abstract).toMatch(/^We approach the problem of improving robustness/u);
  });

  it('a third import changes nothing', async () => {
    const again = await runSeedCli(allProfiles, testDatabase.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Everything unchanged.');
    expect(await snapshot()).toEqual(corrected);
  });
});
