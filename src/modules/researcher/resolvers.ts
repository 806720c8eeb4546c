import type { Resolvers } from '../../generated/graphql.js';
import { nestedPage } from '../publication/loaders.js';
import { requireRoleId } from '../role/data.js';
import { listSize } from '../shared/arguments.js';
import { toGlobalId } from '../shared/nodeId.js';
import { readPageArgs } from '../shared/pagination.js';
import { readSearch } from '../shared/search.js';
import { requireTopicId } from '../topic/data.js';
import { findResearcherBySlug, listResearchers, researcherOrderings, type ResearcherFilter } from './data.js';

export const researcherResolvers: Resolvers = {
  Query: {
    researcher: (_parent, { slug }, { prisma }) => findResearcherBySlug(prisma, slug),
    researchers: async (_parent, args, { prisma }) => {
      const order = args.orderBy ?? 'NAME';
      const page = readPageArgs(args, researcherOrderings[order]);
      const { topic, role, isMember } = args.filter ?? {};
      const filter: ResearcherFilter = { search: readSearch(args.filter?.search, 'filter.search'), isMember };
      if (topic != null) filter.topicId = await requireTopicId(prisma, topic, 'filter.topic');
      if (role != null) filter.roleId = await requireRoleId(prisma, role, 'filter.role');
      return listResearchers(prisma, filter, order, page);
    },
  },
  Researcher: {
    id: (researcher) => toGlobalId('Researcher', researcher.id),
    position: async (researcher, _args, { loaders }) =>
      researcher.positionId === null ? null : ((await loaders.positionById.load(researcher.positionId))?.name ?? null),
    positionFr: async (researcher, _args, { loaders }) =>
      researcher.positionId === null ? null : ((await loaders.positionById.load(researcher.positionId))?.nameFr ?? null),
    roles: (researcher, _args, { loaders }) => loaders.rolesByResearcher.load(researcher.id),
    topics: (researcher, _args, { loaders }) => loaders.topicsByResearcher.load(researcher.id),
    publicationCount: (researcher, _args, { loaders }) => loaders.publicationCountByResearcher.load(researcher.id),
    publications: (researcher, args, { loaders }) => loaders.publicationsByAuthor(nestedPage(args)).load(researcher.id),
    coauthors: (researcher, { first }, { loaders }) => loaders.coauthors(listSize(first ?? 10, 'first')).load(researcher.id),
  },
};
