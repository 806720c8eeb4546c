// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/modules/shared/nodeId.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';
import { createApiToken, sendAs, type Send } from './support/tokens.js';

/** Each mutation through the HTTP server on the seeded data: its answer, its audit entry, and what it refuses. */

let seeded: SeededApi;
let editor: Send;
let admin: Send;
let anonymous: Send;

beforeAll(async () => {
  seeded = await startSeededApi();
  const prisma = seeded.database.prisma;
  editor = sendAs(seeded.api, await createApiToken(prisma, 'web team', 'editor'));
  admin = sendAs(seeded.api, await createApiToken(prisma, 'lab admin', 'admin'));
  anonymous = sendAs(seeded.api, null);
});

afterAll(() => seeded.close());

const prisma = () => seeded.database.prisma;

async function publicationId(title: string): Promise<number> {
  return (await prisma().publication.findFirstOrThrow({ where: { title }, select: { id: true } })).id;
}

async function researcherId(name: string): Promise<number> {
  return (await prisma().researcher.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
}

/** The audit entries of a row, oldest first. */
function auditOf(targetType: string, targetId: number) {
  return prisma().auditLog.findMany({ where: { targetType, targetId }, orderBy: { id: 'asc' } });
}

/** The single error of an answer, with its code. */
function onlyError(body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }) {
  expect(body.errors).toHaveLength(1);
  return body.errors![0]!;
}

const UPDATE_PUBLICATION = `mutation Update($id: ID!, $patch: PublicationPatch!, $expectedUpdatedAt: DateTime) {
  updatePublication(id: $id, patch: $patch, expectedUpdatedAt: $expectedUpdatedAt) {
    publication { id title abstract abstractTruncated year venue doi arxivId url codeUrl updatedAt topics { slug } provenance { field source } }
  }
}`;

interface PublicationAnswer {
  updatePublication: {
    publication: { title: string; abstract: string | null; abstractTruncated: boolean; year: number | null; venue: string | null; doi: string | null; arxivId: string | null; url: string | null; codeUrl: string | null; updatedAt: string; topics: { slug: string }[]; provenance: { field: string; source: string }[] };
  };
}

describe('updatePublication', () => {
  it('writes the validated, normalised values, marks them CURATION, keeps the import identity, and audits the changed fields', async () => {
    const id = await publicationId('Torque-Aware Momentum');
    const before = await prisma().publication.findUniqueOrThrow({ where: { id } });
    // Imported from seed/references/seed-papers.bib (malviya2024torque): the patch changes year, venue and DOI but
    // repeats its arXiv id and URL, in another spelling, so those two are not among the audited changes.
    expect(before).toMatchObject({ year: 2024, venue: 'arXiv preprint', doi: null, arxivId: '2412.18790', url: 'https://arxiv.org/abs/2412.18790' });
    const patch = {
      title: 'Torque-Aware Momentum (TAM)',
      year: 2025,
      venue: 'ICLR',
      doi: 'https://doi.org/10.48550/ARXIV.2412.18790',
      arxivId: 'arXiv:2412.18790',
      url: 'https://arxiv.org/abs/2412.18790',
      topics: ['optimization', 'deep-learning'],
    };
    const response = await editor<PublicationAnswer>(UPDATE_PUBLICATION, { id: toGlobalId('Publication', id), patch });
    expect(response.body.errors).toBeUndefined();
    const publication = response.body.data!.updatePublication.publication;
    expect(publication).toMatchObject({
      title: 'Torque-Aware Momentum (TAM)',
      year: 2025,
      venue: 'ICLR',
      doi: '10.48550/arxiv.2412.18790',
      arxivId: '2412.18790',
      url: 'https://arxiv.org/abs/2412.18790',
      topics: [{ slug: 'deep-learning' }, { slug: 'optimization' }],
    });
    const curated = publication.provenance.filter((entry) => entry.source === 'CURATION').map((entry) => entry.field);
    expect(curated.sort()).toEqual(['arxivId', 'doi', 'title', 'topics', 'url', 'venue', 'year']);
    expect(new Date(publication.updatedAt).getTime()).toBeGreaterThan(before.updatedAt.getTime());

    const row = await prisma().publication.findUniqueOrThrow({ where: { id } });
    expect(row.titleKey).toBe(before.titleKey); // the next import still recognises the paper

    const [entry, ...more] = await auditOf('Publication', id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor: 'web team', actorKind: 'token', actorRole: 'editor', action: 'updatePublication' });
    expect(entry!.before).toEqual({
      title: 'Torque-Aware Momentum', year: 2024, venue: 'arXiv preprint', doi: null, topics: ['deep-learning', 'optimization', 'reinforcement-learning'],
    });
    expect(entry!.after).toEqual({ title: 'Torque-Aware Momentum (TAM)', year: 2025, venue: 'ICLR', doi: '10.48550/arxiv.2412.18790', topics: ['deep-learning', 'optimization'] });
  });

  it('clears optional fields with null, and a written abstract is no longer marked as cut', async () => {
    const id = await publicationId('A Note on Step-Size Warmup');
    expect((await prisma().publication.findUniqueOrThrow({ where: { id } })).abstractTruncated).toBe(true);
    const response = await editor<PublicationAnswer>(UPDATE_PUBLICATION, {
      id: toGlobalId('Publication', id),
      patch: { abstract: 'Learning-rate warmup is ubiquitous yet poorly understood.', codeUrl: null },
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.updatePublication.publication).toMatchObject({
      abstract: 'Learning-rate warmup is ubiquitous yet poorly understood.',
      abstractTruncated: false,
      codeUrl: null,
    });
  });

  it('refuses bad values with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const id = await publicationId('Sparse Rewards');
    const before = await prisma().publication.findUniqueOrThrow({ where: { id } });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ doi: 'doi.org/abc' }, 'patch.doi', 'is not a DOI'],
      [{ year: 1850 }, 'patch.year', 'must be a year from 1900 to'],
      [{ url: 'ftp://example.org/paper.pdf' }, 'patch.url', 'must be an http(s) URL'],
      [{ codeUrl: 'javascript:alert(1)' }, 'patch.codeUrl', 'must be an http(s) URL'],
      [{ arxivId: 'not-an-id' }, 'patch.arxivId', 'is not an arXiv identifier'],
      [{ topics: ['deep-learning', 'astrology'] }, 'patch.topics[1]', 'Unknown topic "astrology"'],
      [{ title: '   ' }, 'patch.title', 'may not be empty'],
      [{ title: null }, 'patch.title', 'may not be null'],
    ];
    for (const [patch, field, message] of cases) {
      const error = onlyError((await editor(UPDATE_PUBLICATION, { id: toGlobalId('Publication', id), patch })).body);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: field });
      expect(error.message).toContain(message);
    }
    expect(await prisma().publication.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await auditOf('Publication', id)).toEqual([]);
  });

  it('answers CONFLICT, writing nothing, when the row changed since the client read it; the current updatedAt goes through', async () => {
    const id = await publicationId('Lookbehind-SAM: k Steps Back, 1 Step Forward');
    const read = await prisma().publication.findUniqueOrThrow({ where: { id } });
    const globalId = toGlobalId('Publication', id);
    const first = await editor<PublicationAnswer>(UPDATE_PUBLICATION, { id: globalId, patch: { venue: 'NeurIPS' }, expectedUpdatedAt: read.updatedAt.toISOString() });
    expect(first.body.errors).toBeUndefined();
    // A second client still holds the first read.
    const stale = onlyError((await editor(UPDATE_PUBLICATION, { id: globalId, patch: { venue: 'ICML' }, expectedUpdatedAt: read.updatedAt.toISOString() })).body);
    expect(stale.extensions?.code).toBe('CONFLICT');
    expect(stale.message).toContain('changed since you read it');
    expect((await prisma().publication.findUniqueOrThrow({ where: { id } })).venue).toBe('NeurIPS');
    expect(await auditOf('Publication', id)).toHaveLength(1);
  });

  it('needs a token: anonymous is UNAUTHENTICATED and nothing changes', async () => {
    const id = await publicationId('Sparse Rewards');
    const error = onlyError((await anonymous(UPDATE_PUBLICATION, { id: toGlobalId('Publication', id), patch: { year: 2020 } })).body);
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await prisma().publication.findUniqueOrThrow({ where: { id } })).year).not.toBe(2020);
  });

  it('payloads read the new rows: a second mutation of one request sees the first one’s change', async () => {
    const id = toGlobalId('Publication', await publicationId('CrossSplit: Mitigating Label Noise Memorization through Data Splitting'));
    const response = await editor<{ a: { publication: { venue: string } }; b: { publication: { venue: string; year: number } } }>(
      `mutation Two($id: ID!) {
        a: updatePublication(id: $id, patch: { venue: "ICML" }) { publication { venue } }
        b: updatePublication(id: $id, patch: { year: 2023 }) { publication { venue year } }
      }`,
      { id },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.b.publication).toEqual({ venue: 'ICML', year: 2023 });
  });
});

const SET_AUTHORS = `mutation Authors($id: ID!, $authors: [ID!]!, $expectedUpdatedAt: DateTime) {
  setPublicationAuthors(id: $id, authors: $authors, expectedUpdatedAt: $expectedUpdatedAt) {
    publication { authors { name } provenance { field source } }
  }
}`;

describe('setPublicationAuthors', () => {
  it('adds, removes and reorders authors, marks the list CURATION and audits it', async () => {
    const id = await publicationId('Sparse Rewards');
    const [noor, oumar, aristide] = await Promise.all(['Noor Haddad-Lefebvre', 'Oumar Diallo', 'Aristide Baratin'].map(researcherId));
    // Before: Oumar Diallo, Keller Jordan, Noor Haddad-Lefebvre (the profile's owner last). After: Keller removed, Noor second, Aristide added.
    const response = await editor<{ setPublicationAuthors: { publication: { authors: { name: string }[]; provenance: { field: string; source: string }[] } } }>(SET_AUTHORS, {
      id: toGlobalId('Publication', id),
      authors: [oumar!, noor!, aristide!].map((author) => toGlobalId('Researcher', author)),
    });
    expect(response.body.errors).toBeUndefined();
    const publication = response.body.data!.setPublicationAuthors.publication;
    expect(publication.authors.map((author) => author.name)).toEqual(['Oumar Diallo', 'Noor Haddad-Lefebvre', 'Aristide Baratin']);
    expect(publication.provenance).toContainEqual({ field: 'authors', source: 'CURATION' });
    const entries = await auditOf('Publication', id);
    expect(entries.at(-1)).toMatchObject({
      action: 'setPublicationAuthors',
      before: { authors: ['oumar-diallo', 'keller-jordan', 'noor-haddad-lefebvre'] },
      after: { authors: ['oumar-diallo', 'noor-haddad-lefebvre', 'aristide-baratin'] },
    });
  });

  it('refuses a person twice, a publication id, an unknown researcher and an empty list', async () => {
    const id = toGlobalId('Publication', await publicationId('Sparse Rewards'));
    const oumar = toGlobalId('Researcher', await researcherId('Oumar Diallo'));
    const cases: [string[], string][] = [
      [[oumar, oumar], 'authors[1]'],
      [[oumar, id], 'authors[1]'],
      [[toGlobalId('Researcher', 999_999)], 'authors[0]'],
      [[], 'authors'],
    ];
    for (const [authors, field] of cases) {
      const error = onlyError((await editor(SET_AUTHORS, { id, authors })).body);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: field });
    }
  });
});

const CREATE = `mutation Create($input: CreatePublicationInput!) {
  createPublication(input: $input) { publication { id title year doi authors { name } topics { slug } provenance { field source } } }
}`;

describe('createPublication', () => {
  it('adds a paper no profile lists, every given field marked CURATION', async () => {
    const noor = toGlobalId('Researcher', await researcherId('Noor Haddad-Lefebvre'));
    const response = await editor<{ createPublication: { publication: { id: string; title: string; year: number; doi: string; authors: { name: string }[]; topics: { slug: string }[]; provenance: { field: string; source: string }[] } } }>(CREATE, {
      input: { title: 'Momentum in the Wild', year: 2024, doi: '10.1234/MOMENTUM.2024', authors: [noor], topics: ['optimization'] },
    });
    expect(response.body.errors).toBeUndefined();
    const publication = response.body.data!.createPublication.publication;
    expect(publication).toMatchObject({ title: 'Momentum in the Wild', year: 2024, doi: '10.1234/momentum.2024', authors: [{ name: 'Noor Haddad-Lefebvre' }], topics: [{ slug: 'optimization' }] });
    expect(publication.provenance.map((entry) => `${entry.field}:${entry.source}`)).toEqual(['authors:CURATION', 'doi:CURATION', 'title:CURATION', 'topics:CURATION', 'year:CURATION']);
    const row = await prisma().publication.findFirstOrThrow({ where: { title: 'Momentum in the Wild' } });
    expect(row.titleKey).toBe('momentum in the wild');
    expect(await auditOf('Publication', row.id)).toMatchObject([
      { action: 'createPublication', before: null, after: { title: 'Momentum in the Wild', year: 2024, doi: '10.1234/momentum.2024', topics: ['optimization'], authors: ['noor-haddad-lefebvre'] } },
    ]);
  });

  it('refuses a title that matches an existing paper, naming it', async () => {
    const existing = await publicationId('Sparse Rewards');
    const error = onlyError((await editor(CREATE, { input: { title: 'SPARSE  rewards!' } })).body);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.title' });
    expect(error.message).toContain(toGlobalId('Publication', existing));
  });

  it('refuses a DOI another paper has, and leaves no paper behind', async () => {
    const count = await prisma().publication.count();
    const error = onlyError((await editor(CREATE, { input: { title: 'A Second Momentum Paper', doi: '10.1234/momentum.2024' } })).body);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'doi' });
    expect(await prisma().publication.count()).toBe(count);
  });
});

const UPDATE_RESEARCHER = `mutation UpdateResearcher($id: ID!, $patch: ResearcherPatch!, $expectedUpdatedAt: DateTime) {
  updateResearcher(id: $id, patch: $patch, expectedUpdatedAt: $expectedUpdatedAt) {
    researcher { slug name aliases orcid isMember position organization roles { key } topics { slug } provenance { field source } }
  }
}`;

describe('updateResearcher', () => {
  it('corrects a name (the old spelling stays an alias and still finds the person), ORCID, position, roles and topics', async () => {
    const id = await researcherId('Oumar Diallo');
    const before = await prisma().researcher.findUniqueOrThrow({ where: { id } });
    const response = await editor<{ updateResearcher: { researcher: Record<string, unknown> } }>(UPDATE_RESEARCHER, {
      id: toGlobalId('Researcher', id),
      patch: {
        name: 'Oumar Diallo-Ndiaye',
        orcid: 'https://orcid.org/0000-0002-1825-0097',
        isMember: true,
        position: 'associate-academic-member',
        organization: 'Mila',
        roles: ['co-supervisor'],
        topics: ['reinforcement-learning'],
      },
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.updateResearcher.researcher).toMatchObject({
      slug: 'oumar-diallo',
      name: 'Oumar Diallo-Ndiaye',
      aliases: ['Oumar Diallo'],
      orcid: '0000-0002-1825-0097',
      isMember: true,
      position: 'Associate Academic Member',
      organization: 'Mila',
      roles: [{ key: 'co-supervisor' }],
      topics: [{ slug: 'reinforcement-learning' }],
    });
    const row = await prisma().researcher.findUniqueOrThrow({ where: { id } });
    expect(row.nameKey).toBe(before.nameKey);
    const found = await anonymous<{ researchers: { nodes: { name: string }[] } }>(`{ researchers(filter: { search: "oumar diallo" }) { nodes { name } } }`);
    expect(found.body.data!.researchers.nodes).toEqual([{ name: 'Oumar Diallo-Ndiaye' }]);
    const [entry] = await auditOf('Researcher', id);
    expect(entry).toMatchObject({
      action: 'updateResearcher',
      before: { name: 'Oumar Diallo', aliases: [], orcid: null, isMember: false, organization: null, position: null, roles: [], topics: [] },
      after: { name: 'Oumar Diallo-Ndiaye', aliases: ['Oumar Diallo'], orcid: '0000-0002-1825-0097', isMember: true, organization: 'Mila', position: 'associate-academic-member', roles: ['co-supervisor'], topics: ['reinforcement-learning'] },
    });
  });

  it('refuses an ORCID with a wrong check digit and an unknown position', async () => {
    const id = toGlobalId('Researcher', await researcherId('Keller Jordan'));
    const orcid = onlyError((await editor(UPDATE_RESEARCHER, { id, patch: { orcid: '0000-0002-1825-0098' } })).body);
    expect(orcid.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'patch.orcid' });
    expect(orcid.message).toContain('check digit');
    const position = onlyError((await editor(UPDATE_RESEARCHER, { id, patch: { position: 'dean' } })).body);
    expect(position.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'patch.position' });
    expect(position.message).toContain('Known positions: associate-academic-member, independent-visiting-researcher.');
  });

  it('a failure mid-way (an ORCID another person has, after the roles were written) leaves nothing behind, not even the audit entry', async () => {
    const id = await researcherId('Keller Jordan');
    const auditBefore = await prisma().auditLog.count();
    const error = onlyError(
      (await editor(UPDATE_RESEARCHER, { id: toGlobalId('Researcher', id), patch: { roles: ['principal-supervisor'], orcid: '0000-0002-1825-0097' } })).body,
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'orcid' });
    expect(await prisma().researcherRole.count({ where: { researcherId: id } })).toBe(0);
    expect((await prisma().researcher.findUniqueOrThrow({ where: { id } })).orcid).toBeNull();
    expect(await prisma().auditLog.count()).toBe(auditBefore);
  });
});

describe('roles', () => {
  it('hiding is for admins: an editor is FORBIDDEN', async () => {
    const id = toGlobalId('Publication', await publicationId('Sparse Rewards'));
    const error = onlyError((await editor(`mutation Hide($id: ID!) { hidePublication(id: $id, reason: "test") { publication { id } } }`, { id })).body);
    expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(error.message).toBe('hidePublication needs the admin role; web team is an editor.');
  });

  it('an admin may do what an editor may', async () => {
    const id = toGlobalId('Publication', await publicationId('Sparse Rewards'));
    const response = await admin<PublicationAnswer>(UPDATE_PUBLICATION, { id, patch: { venue: 'ICLR Workshop' } });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.updatePublication.publication.venue).toBe('ICLR Workshop');
  });
});
