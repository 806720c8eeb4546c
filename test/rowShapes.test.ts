// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, type PrismaClient } from '../src/generated/prisma/client.js';
import { createLoaders, type Loaders } from '../src/loaders.js';
import { publicationOrderings, listPublications } from '../src/modules/publication/data.js';
import { publicationColumns } from '../src/modules/publication/columns.js';
import { researcherColumns } from '../src/modules/researcher/columns.js';
import { coauthorsOf, listResearchers, researcherOrderings } from '../src/modules/researcher/data.js';
import { readPageArgs } from '../src/modules/shared/pagination/cursors.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';

/**
 * Every raw select of the API, run once on the seeded data with every column
 * selected (as for a query that asks for every field): each row it returns
 * has every scalar field of its Prisma model, with the value Prisma Client
 * reads for the same id. A select list that missed a field, or a column
 * renamed in schema.prisma but not in the SQL, fails here.
 */
let seeded: SeededApi;
let prisma: PrismaClient;
let loaders: Loaders;

beforeAll(async () => {
  seeded = await startSeededApi();
  prisma = seeded.database.prisma;
  loaders = createLoaders(prisma);
});
afterAll(() => seeded.close());

const scalarFields = {
  Researcher: Object.values(Prisma.ResearcherScalarFieldEnum),
  Publication: Object.values(Prisma.PublicationScalarFieldEnum),
  Topic: Object.values(Prisma.TopicScalarFieldEnum),
  Role: Object.values(Prisma.RoleScalarFieldEnum),
};
type ModelName = keyof typeof scalarFields;

function byId(model: ModelName, id: number): Promise<object | null> {
  switch (model) {
    case 'Researcher':
      return prisma.researcher.findUnique({ where: { id } });
    case 'Publication':
      return prisma.publication.findUnique({ where: { id } });
    case 'Topic':
      return prisma.topic.findUnique({ where: { id } });
    case 'Role':
      return prisma.role.findUnique({ where: { id } });
  }
}

/** The row has every scalar field of the model, each as Prisma Client reads it. */
async function expectModelRows(model: ModelName, rows: readonly { id: number }[]) {
  expect(rows.length).toBeGreaterThan(0);
  const fields = scalarFields[model];
  for (const row of rows) {
    expect(Object.keys(row)).toEqual(expect.arrayContaining(fields));
    const fromRow = Object.fromEntries(fields.map((field) => [field, (row as Record<string, unknown>)[field]]));
    expect(fromRow).toStrictEqual({ ...(await byId(model, row.id)) });
  }
}

const firstPage = (ordering: Parameters<typeof readPageArgs>[1]) => readPageArgs({ first: 100 }, ordering);

describe('raw selects return whole model rows', () => {
  it('top-level pages: researchers and publications', async () => {
    await expectModelRows('Researcher', (await listResearchers(prisma, {}, 'NAME', firstPage(researcherOrderings.NAME), researcherColumns)).nodes);
    await expectModelRows('Publication', (await listPublications(prisma, {}, publicationOrderings.TITLE, firstPage(publicationOrderings.TITLE), publicationColumns)).nodes);
  });

  it('nested pages: a researcher\'s publications, a topic\'s researchers and publications, a role\'s researchers', async () => {
    const researcher = await prisma.researcher.findUniqueOrThrow({ where: { slug: 'aristide-baratin' } });
    const topic = await prisma.topic.findUniqueOrThrow({ where: { slug: 'deep-learning' } });
    const role = await prisma.role.findUniqueOrThrow({ where: { key: 'principal-supervisor' } });
    const everyPublicationColumn = { columns: publicationColumns, page: true, count: true };
    const everyResearcherColumn = { page: firstPage(researcherOrderings.NAME), selection: { columns: researcherColumns, page: true, count: true } };
    const nested = { order: 'TITLE' as const, page: firstPage(publicationOrderings.TITLE), selection: everyPublicationColumn };
    await expectModelRows('Publication', (await loaders.researcher.publications(nested).load(researcher.id)).nodes);
    await expectModelRows('Publication', (await loaders.topic.publications(nested).load(topic.id)).nodes);
    await expectModelRows('Researcher', (await loaders.topic.researchers(everyResearcherColumn).load(topic.id)).nodes);
    await expectModelRows('Researcher', (await loaders.role.researchers(everyResearcherColumn).load(role.id)).nodes);
  });

  it('per-parent lists: authors and topics of a paper, roles and topics of a researcher', async () => {
    const paper = await prisma.publication.findFirstOrThrow({ where: { title: 'Torque-Aware Momentum' } });
    const researcher = await prisma.researcher.findUniqueOrThrow({ where: { slug: 'aristide-baratin' } });
    await expectModelRows('Researcher', await loaders.publication.authors(researcherColumns).load(paper.id));
    await expectModelRows('Topic', await loaders.publication.topics.load(paper.id));
    await expectModelRows('Role', await loaders.researcher.roles.load(researcher.id));
    await expectModelRows('Topic', await loaders.researcher.topics.load(researcher.id));
  });

  it('co-authors', async () => {
    const researcher = await prisma.researcher.findUniqueOrThrow({ where: { slug: 'aristide-baratin' } });
    await expectModelRows('Researcher', await coauthorsOf(prisma, [researcher.id], 5, researcherColumns));
  });
});
