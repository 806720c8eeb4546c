import type { PrismaClient } from '../../generated/prisma/client.js';
import { loaderById, loaderPerArguments } from '../shared/batch.js';
import type { PageRequest } from '../shared/pagination.js';
import { connectionLoader, countLoader } from '../shared/relations.js';
import { publicationOrderings, publicationsByAuthor, publicationsByTopic } from './data.js';
import type { PublicationModel } from './mappers.js';

/** A nested list's order (relevance needs a search, which nested lists do not take) and page. */
export interface NestedPage {
  order: keyof typeof publicationOrderings;
  page: PageRequest;
}

export function createPublicationLoaders(prisma: PrismaClient) {
  const countByAuthor = countLoader(prisma, publicationsByAuthor);
  const countByTopic = countLoader(prisma, publicationsByTopic);
  return {
    publicationById: loaderById((ids) => prisma.publication.findMany({ where: { id: { in: ids } } })),
    publicationsByAuthor: loaderPerArguments(({ order, page }: NestedPage) =>
      connectionLoader<PublicationModel>(prisma, publicationsByAuthor, publicationOrderings[order], page, countByAuthor),
    ),
    publicationsByTopic: loaderPerArguments(({ order, page }: NestedPage) =>
      connectionLoader<PublicationModel>(prisma, publicationsByTopic, publicationOrderings[order], page, countByTopic),
    ),
  };
}
