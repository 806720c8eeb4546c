import type { Resolvers } from '../../generated/graphql.js';
import { researcherBySlug } from '../researcher/data.js';
import { badUserInput } from '../shared/errors.js';
import { fieldSources } from '../shared/provenanceResolvers.js';
import { requireId } from '../shared/lookup.js';
import { idOfType, toGlobalId } from '../shared/nodeId.js';
import { readPageArgs } from '../shared/pagination/cursors.js';
import { readSearch } from '../shared/search.js';
import { topicBySlug } from '../topic/data.js';
import { listPublications, publicationOrdering, type PublicationFilter } from './data.js';

export const publicationResolvers: Resolvers = {
  Query: {
    publication: (_parent, { id }, { loaders }) => loaders.publication.byId.load(idOfType(id, 'Publication')),
    publications: async (_parent, args, { prisma }) => {
      const { topic, author, yearFrom, yearTo } = args.filter ?? {};
      const search = readSearch(args.filter?.search, 'filter.search');
      const order = args.orderBy ?? (search ? 'RELEVANCE' : 'YEAR_DESC');
      const ordering = publicationOrdering(order, search);
      const page = readPageArgs(args, ordering);
      if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
        throw badUserInput(`filter.yearFrom (${yearFrom}) is after filter.yearTo (${yearTo}).`, 'filter.yearFrom');
      }
      const filter: PublicationFilter = { search, yearFrom, yearTo };
      if (topic != null) filter.topicId = await requireId(prisma, topicBySlug, topic, 'filter.topic');
      if (author != null) filter.authorId = await requireId(prisma, researcherBySlug, author, 'filter.author');
      return listPublications(prisma, filter, ordering, page);
    },
  },
  Publication: {
    id: (publication) => toGlobalId('Publication', publication.id),
    authors: (publication, _args, { loaders }) => loaders.publication.authors.load(publication.id),
    topics: (publication, _args, { loaders }) => loaders.publication.topics.load(publication.id),
    provenance: (publication) => fieldSources(publication.provenance),
  },
};
