import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/gql.js';
import type { CitationFormat, TypedDocumentString } from './generated/graphql.js';
import { toGlobalId } from '../src/modules/shared/nodeId.js';
import { request } from './operations/request.js';
import { statementCounter } from './support/cacheRequests.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';

let seeded: SeededApi;
let paperId: string;

beforeAll(async () => {
  seeded = await startSeededApi();
  const prisma = seeded.database.prisma;
  // A paper of our own with every field a citation shows, an accented author and a particle.
  const baratin = await prisma.researcher.findUniqueOrThrow({ where: { slug: 'aristide-baratin' } });
  const elise = await prisma.researcher.create({
    data: { slug: 'elise-levesque', name: 'Élise Lévesque', nameKey: 'elise levesque', searchKey: 'elise levesque' },
  });
  const nicola = await prisma.researcher.create({
    data: { slug: 'nicola-de-cao', name: 'Nicola De Cao', nameKey: 'nicola de cao', searchKey: 'nicola de cao' },
  });
  const paper = await prisma.publication.create({
    data: {
      titleKey: 'torque aware optimizers for gans 50 fewer steps',
      title: 'Torque-Aware Optimizers for GANs: 50% Fewer Steps & More',
      year: 2024,
      venue: 'International Conference on Learning Representations',
      doi: '10.5555/test.2024.001',
      arxivId: '2401.01234',
      url: 'https://example.org/papers/torque?id=1&v=2',
    },
  });
  for (const [position, researcher] of [baratin, elise, nicola].entries()) {
    await prisma.authorship.create({ data: { publicationId: paper.id, researcherId: researcher.id, position } });
  }
  paperId = toGlobalId('Publication', paper.id);
});

afterAll(() => seeded.close());

async function data<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await request(seeded.api, document, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!;
}

const PaperCitation = graphql(`query PaperCitation($id: ID!, $format: CitationFormat!) {
  publication(id: $id) { citation(format: $format) }
}`);

async function citation(format: CitationFormat): Promise<string> {
  return (await data(PaperCitation, { id: paperId, format })).publication!.citation;
}

describe('Publication.citation', () => {
  it('BIBTEX: a readable key, LaTeX-escaped fields, the arXiv id as eprint', async () => {
    expect(await citation('BIBTEX')).toBe(`@inproceedings{baratin2024torque,
	author = {Baratin, Aristide and L{\\' e}vesque, {\\' E}lise and De Cao, Nicola},
	booktitle = {International {Conference} on {Learning} {Representations}},
	doi = {10.5555/test.2024.001},
	year = {2024},
	title = {Torque-{Aware} {Optimizers} for {GANs}: 50\\% {Fewer} {Steps} \\& {More}},
	url = {https://example.org/papers/torque?id=1&v=2},
	howpublished = {https://example.org/papers/torque?id=1\\&v=2},
	eprint = {2401.01234},
	archivePrefix = {arXiv},
}
`);
  });

  it('APA', async () => {
    expect(await citation('APA')).toBe(
      'Baratin, A., Lévesque, É., & De Cao, N. (2024). Torque-Aware Optimizers for GANs: 50% Fewer Steps & More. ' +
        'International Conference on Learning Representations. https://doi.org/10.5555/test.2024.001',
    );
  });

  it('IEEE (the official CSL style, vendored)', async () => {
    expect(await citation('IEEE')).toBe(
      '[1] A. Baratin, É. Lévesque, and N. De Cao, “Torque-Aware Optimizers for GANs: 50% Fewer Steps & More,” ' +
        'presented at the International Conference on Learning Representations, 2024. doi: 10.5555/test.2024.001.',
    );
  });

  it('RIS, with the particle kept in the family name', async () => {
    expect((await citation('RIS')).split('\n')).toEqual([
      'TY  - CONF',
      'AU  - Baratin, Aristide',
      'AU  - Lévesque, Élise',
      'AU  - De Cao, Nicola',
      'C3  - International Conference on Learning Representations',
      'DA  - 2024///',
      'C2  - 2024',
      'DO  - 10.5555/test.2024.001',
      'ID  - baratin2024torque',
      'N1  - arXiv:2401.01234',
      'TI  - Torque-Aware Optimizers for GANs: 50% Fewer Steps & More',
      'UR  - https://example.org/papers/torque?id=1&v=2',
      'ER  - ',
    ]);
  });

  it('CSL_JSON: one item, names split into given, particle and family', async () => {
    expect(JSON.parse(await citation('CSL_JSON'))).toEqual([
      {
        id: 'baratin2024torque',
        'citation-key': 'baratin2024torque',
        type: 'paper-conference',
        title: 'Torque-Aware Optimizers for GANs: 50% Fewer Steps & More',
        author: [
          { given: 'Aristide', family: 'Baratin' },
          { given: 'Élise', family: 'Lévesque' },
          { given: 'Nicola', family: 'Cao', 'non-dropping-particle': 'De' },
        ],
        issued: { 'date-parts': [[2024]] },
        'container-title': 'International Conference on Learning Representations',
        DOI: '10.5555/test.2024.001',
        URL: 'https://example.org/papers/torque?id=1&v=2',
        note: 'arXiv:2401.01234',
      },
    ]);
  });
});

const ResearcherCitations = graphql(`query ResearcherCitations($slug: String!, $format: CitationFormat!) {
  researcher(slug: $slug) {
    citations(format: $format)
    publications(first: 100) { totalCount nodes { title year } }
  }
}`);

/** The keys of a BibTeX file, in order. */
const keysOf = (bibtex: string) => [...bibtex.matchAll(/^@\w+\{([^,]+),$/gm)].map((match) => match[1]);

describe('Researcher.citations', () => {
  it('cites every publication, newest first (the order of Researcher.publications), keys unique', async () => {
    const { researcher } = await data(ResearcherCitations, { slug: 'aristide-baratin', format: 'CSL_JSON' });
    const items = JSON.parse(researcher!.citations) as { id: string; title: string }[];
    expect(items.map((item) => item.title)).toEqual(researcher!.publications.nodes.map((node) => node.title));
    expect(items).toHaveLength(researcher!.publications.totalCount);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    const years = researcher!.publications.nodes.map((node) => node.year ?? -1);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(new Set(years).size).toBeGreaterThan(1);
    // Newest year first, then by title: the seed's 2024 ICLR paper comes before our own 2024 paper.
    expect(items[0]!.id).toBe('liu2024how');
    // Our paper shares its key with the seed's Torque-Aware Momentum (first author Baratin there too): a, b by id.
    expect(items.map((item) => item.id)).toEqual(expect.arrayContaining(['baratin2024torquea', 'baratin2024torqueb']));
  });

  it('papers that would share a key get a, b, c by id, whatever order they are listed in', async () => {
    const prisma = seeded.database.prisma;
    const oumar = await prisma.researcher.findUniqueOrThrow({ where: { slug: 'oumar-diallo' } });
    const papers = [];
    for (const [index, year] of [2020, 2021, 2020].entries()) {
      const paper = await prisma.publication.create({
        data: { titleKey: `the same study part ${index}`, title: `The Same Study, part ${index}`, year: year === 2021 ? 2020 : year },
      });
      await prisma.authorship.create({ data: { publicationId: paper.id, researcherId: oumar.id, position: 0 } });
      papers.push(paper);
    }
    const { researcher } = await data(ResearcherCitations, { slug: 'oumar-diallo', format: 'BIBTEX' });
    const keys = keysOf(researcher!.citations);
    // Listed by title (same year), ids in creation order: part 0 → a, part 1 → b, part 2 → c.
    expect(keys.filter((key) => key!.startsWith('diallo2020same'))).toEqual(['diallo2020samea', 'diallo2020sameb', 'diallo2020samec']);
    await prisma.publication.deleteMany({ where: { id: { in: papers.map((paper) => paper.id) } } });
  });

  it('APA and IEEE: one reference a line, newest first; IEEE numbers them in that order', async () => {
    const apa = (await data(ResearcherCitations, { slug: 'aristide-baratin', format: 'APA' })).researcher!;
    const ieee = (await data(ResearcherCitations, { slug: 'aristide-baratin', format: 'IEEE' })).researcher!;
    const count = apa.publications.totalCount;
    expect(apa.citations.split('\n')).toHaveLength(count);
    expect(apa.citations.split('\n')[0]).toMatch(
      /^Liu, Y\. H\., Baratin, A\., Cornford, J\., Mihalas, S\., Shea-Brown, E\., & Lajoie, G\. \(2024\)\. How Connectivity Structure/,
    );
    expect(apa.citations).toMatch(/^Baratin, A\., Lévesque, É\., & De Cao, N\. \(2024\)\. Torque-Aware/m);
    const lines = ieee.citations.split('\n');
    expect(lines.map((line) => line.match(/^\[(\d+)\]/)?.[1])).toEqual(Array.from({ length: count }, (_, index) => String(index + 1)));
    // IEEE typesets apostrophes (’).
    apa.publications.nodes.forEach((node, index) => expect(lines[index]).toContain(`“${node.title.replace(/'/g, '’')}`));
  });
});

const Downloads = graphql(`query CitationDownloads($slug: String!) {
  researcher(slug: $slug) { bib: citations(format: BIBTEX) ris: citations(format: RIS) json: citations(format: CSL_JSON) }
}`);

describe('GET /researchers/{slug}/publications.bib, .ris, .json', () => {
  it.each([
    ['bib', 'application/x-bibtex; charset=utf-8', 'bib'],
    ['ris', 'application/x-research-info-systems; charset=utf-8', 'ris'],
    ['json', 'application/vnd.citationstyles.csl+json; charset=utf-8', 'json'],
  ] as const)('.%s: the citations as a file to save, with its media type and name', async (extension, contentType, field) => {
    const { researcher } = await data(Downloads, { slug: 'aristide-baratin' });
    const response = await fetch(`${seeded.api.url}/researchers/aristide-baratin/publications.${extension}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="aristide-baratin-publications.${extension}"`);
    const text = await response.text();
    expect(text.trimEnd()).toBe(researcher![field].trimEnd());
    expect(text.endsWith('\n')).toBe(true);
  });

  it('an unknown slug is a 404 in the API\'s error shape', async () => {
    const response = await fetch(`${seeded.api.url}/researchers/nobody-here/publications.bib`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string; requestId: string } }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.message).toBe('No researcher has the slug "nobody-here".');
    expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect(body.errors[0]!.extensions.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('another extension is not a download', async () => {
    const response = await fetch(`${seeded.api.url}/researchers/aristide-baratin/publications.txt`);
    expect(response.status).toBe(404);
  });
});

const AllCitations = graphql(`query AllCitations($n: Int) { researchers(first: $n) { nodes { citations(format: BIBTEX) } } }`);

describe('batching', () => {
  it('every researcher\'s citations: 3 statements for 2 or 50 researchers (page, publications, authors)', async () => {
    // The pool gets its own query() back however the test ends.
    const statements = statementCounter(seeded.database.pool);
    try {
      for (const n of [2, 50]) {
        statements.reset();
        const { researchers } = await data(AllCitations, { n });
        expect(researchers.nodes.length).toBeGreaterThan(1);
        expect(statements.count).toBe(3);
      }
    } finally {
      statements.stop();
    }
  });
});
