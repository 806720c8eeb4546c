import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { loaderById } from '../shared/batch.js';
import { listLoader } from '../shared/pagination/nested.js';
import { authorsOfPublication, topicsOfPublication } from './data.js';

/** The loaders of Publication and its fields: `loaders.publication.byId`, `loaders.publication.authors`… */
export function createPublicationLoaders(prisma: PrismaClient) {
  return {
    byId: loaderById((ids) => prisma.publication.findMany({ where: { id: { in: ids } } })),
    authors: listLoader(prisma, authorsOfPublication, Prisma.sql`a.publication_id, a.position`),
    topics: listLoader(prisma, topicsOfPublication, Prisma.sql`pt.publication_id, t.name, t.id`),
  };
}
