import type { Resolvers } from '../../generated/graphql.js';
import { nestedPage } from '../publication/nestedPage.js';
import { roleByKey } from '../role/data.js';
import { listSize } from '../shared/arguments.js';
import { requireId } from '../shared/lookup.js';
import { toGlobalId } from '../shared/nodeId.js';
import { readPageArgs } from '../shared/pagination/cursors.js';
import { readSearch } from '../shared/search.js';
import { publicationColumnsFor } from '../publication/columns.js';
import { selected } from '../shared/columns.js';
import { nestedSelection } from '../shared/pagination/nested.js';
import { connectionNodes } from '../shared/selection.js';
import { researcherColumnsFor } from './columns.js';
import { topicBySlug } from '../topic/data.js';
import { findResearcherBySlug, listResearchers, researcherOrderings, type ResearcherFilter } from './data.js';
import { fieldSources } from '../shared/provenanceResolvers.js';

export const researcherResolvers: Resolvers = {
  Query: {
    researcher: (_parent, { slug }, { prisma }) => findResearcherBySlug(prisma, slug),
    researchers: async (_parent, args, { prisma }, info) => {
      const order = args.orderBy ?? 'NAME';
      const page = readPageArgs(args, researcherOrderings[order]);
      const { topic, role, isMember } = args.filter ?? {};
      const filter: ResearcherFilter = { search: readSearch(args.filter?.search, 'filter.search'), isMember };
      if (topic != null) filter.topicId = await requireId(prisma, topicBySlug, topic, 'filter.topic');
      if (role != null) filter.roleId = await requireId(prisma, roleByKey, role, 'filter.role');
      return listResearchers(prisma, filter, order, page, researcherColumnsFor(info, connectionNodes));
    },
  },
  Researcher: {
    id: (researcher) => toGlobalId('Researcher', researcher.id),
    provenance: (researcher) => fieldSources(selected(researcher, 'provenance')),
    position: async (researcher, _args, { loaders }) => {
      const positionId = selected(researcher, 'positionId');
      return positionId === null ? null : ((await loaders.researcher.positionById.load(positionId))?.name ?? null);
    },
    positionFr: async (researcher, _args, { loaders }) => {
      const positionId = selected(researcher, 'positionId');
      return positionId === null ? null : ((await loaders.researcher.positionById.load(positionId))?.nameFr ?? null);
    },
    roles: (researcher, _args, { loaders }) => loaders.researcher.roles.load(researcher.id),
    topics: (researcher, _args, { loaders }) => loaders.researcher.topics.load(researcher.id),
    publicationCount: (researcher, _args, { loaders }) => loaders.researcher.publicationCount.load(researcher.id),
    publications: (researcher, args, { loaders }, info) =>
      loaders.researcher
        .publications({ ...nestedPage(args), selection: nestedSelection(info, publicationColumnsFor(info, connectionNodes)) })
        .load(researcher.id),
    coauthors: (researcher, { first }, { loaders }, info) =>
      loaders.researcher
        .coauthors({ limit: listSize(first ?? 10, 'first'), columns: researcherColumnsFor(info, [['researcher']]) })
        .load(researcher.id),
  },
};
