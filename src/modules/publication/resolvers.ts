import type { Resolvers } from '../../generated/graphql.js';
import { researcherColumnsFor } from '../researcher/columns.js';
import { researcherBySlug } from '../researcher/data.js';
import { badUserInput } from '../shared/errors.js';
import { fieldSources } from '../shared/provenanceResolvers.js';
import { selected } from '../shared/columns.js';
import { requireId } from '../shared/lookup.js';
import { idOfType, toGlobalId } from '../shared/nodeId.js';
import { readPageArgs } from '../shared/pagination/cursors.js';
import { readSearch } from '../shared/search.js';
import { connectionNodes } from '../shared/selection.js';
import { topicBySlug } from '../topic/data.js';
import { publicationColumnsFor } from './columns.js';
import { listPublications, publicationOrdering, type PublicationFilter } from './data.js';
import { hiddenFor, readVisibility, visibleTo } from './visibility.js';

export const publicationResolvers: Resolvers = {
  Query: {
    publication: async (_parent, { id }, context) => visibleTo(context, await context.loaders.publication.byId.load(idOfType(id, 'Publication'))),
    publications: async (_parent, args, context, info) => {
      const { prisma } = context;
      const { topic, author, yearFrom, yearTo } = args.filter ?? {};
      const search = readSearch(args.filter?.search, 'filter.search');
      const order = args.orderBy ?? (search ? 'RELEVANCE' : 'YEAR_DESC');
      const ordering = publicationOrdering(order, search);
      const page = readPageArgs(args, ordering);
      if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
        throw badUserInput(`filter.yearFrom (${yearFrom}) is after filter.yearTo (${yearTo}).`, 'filter.yearFrom');
      }
      const visibility = await readVisibility(context, args.filter?.visibility);
      const filter: PublicationFilter = { search, yearFrom, yearTo, visibility };
      if (topic != null) filter.topicId = await requireId(prisma, topicBySlug, topic, 'filter.topic');
      if (author != null) filter.authorId = await requireId(prisma, researcherBySlug, author, 'filter.author');
      return listPublications(prisma, filter, ordering, page, publicationColumnsFor(info, connectionNodes));
    },
  },
  Publication: {
    id: (publication) => toGlobalId('Publication', publication.id),
    authors: (publication, _args, { loaders }, info) => loaders.publication.authors(researcherColumnsFor(info, [[]])).load(publication.id),
    topics: (publication, _args, { loaders }) => loaders.publication.topics.load(publication.id),
    provenance: (publication) => fieldSources(selected(publication, 'provenance')),
    hidden: (publication, _args, context) => hiddenFor(context, publication),
  },
};
