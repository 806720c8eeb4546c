import type DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { loaderById, loaderPerArguments } from '../shared/batch.js';
import type { Columns } from '../shared/columns.js';
import { listLoader } from '../shared/pagination/nested.js';
import { authorsOfPublication, topicsOfPublication } from './data.js';

/** The loaders of Publication and its fields: `loaders.publication.byId`, `loaders.publication.authors(columns)`… */
export function createPublicationLoaders(prisma: PrismaClient) {
  // A loader per set of the authors' columns (researcherColumnsFor): the papers of one list share one field node, one statement.
  const authorsWith = loaderPerArguments((columns: Columns<object>) =>
    listLoader(prisma, authorsOfPublication, Prisma.sql`a.publication_id, a.position`, columns),
  );
  return {
    byId: loaderById((ids) => prisma.publication.findMany({ where: { id: { in: ids } } })),
    /** Authors with `columns` of each: rows of the type those columns carry (whole rows for researcherColumns). */
    authors: <Row extends object>(columns: Columns<Row>) => authorsWith(columns) as DataLoader<number, Row[]>,
    topics: listLoader(prisma, topicsOfPublication, Prisma.sql`pt.publication_id, t.name, t.id`),
  };
}
