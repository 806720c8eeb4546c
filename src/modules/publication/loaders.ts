import type { PrismaClient } from '../../generated/prisma/client.js';
import { loaderById, loaderPerArguments } from '../shared/batch.js';
import { readPageArgs, type PageArgs, type PageRequest } from '../shared/pagination.js';
import { connectionLoader, countLoader } from '../shared/relations.js';
import { publicationOrdering, publicationOrderings, publicationsByAuthor, publicationsByTopic, type PublicationOrder } from './data.js';
import type { PublicationModel } from './mappers.js';

/** A nested list's order (relevance needs a search, which nested lists do not take) and page. */
export interface NestedPage {
  order: keyof typeof publicationOrderings;
  page: PageRequest;
}

/** The order and page of a nested publication list from its arguments (RELEVANCE is refused: it needs a search). */
export function nestedPage(args: PageArgs & { orderBy?: PublicationOrder | null }): NestedPage {
  const order = args.orderBy ?? 'YEAR_DESC';
  const page = readPageArgs(args, publicationOrdering(order, null));
  return { order: order as NestedPage['order'], page };
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
