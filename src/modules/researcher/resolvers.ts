import type { Resolvers } from '../../generated/graphql.js';
import { toGlobalId } from '../shared/nodeId.js';
import { readPageArgs } from '../shared/pagination.js';
import { findResearcherBySlug, listResearchers, researcherOrderings } from './data.js';

export const researcherResolvers: Resolvers = {
  Query: {
    researcher: (_parent, { slug }, { prisma }) => findResearcherBySlug(prisma, slug),
    researchers: (_parent, args, { prisma }) =>
      listResearchers(prisma, {}, 'NAME', readPageArgs(args, researcherOrderings.NAME)),
  },
  Researcher: {
    id: (researcher) => toGlobalId('Researcher', researcher.id),
    position: async (researcher, _args, { loaders }) =>
      researcher.positionId === null ? null : ((await loaders.positionById.load(researcher.positionId))?.name ?? null),
    positionFr: async (researcher, _args, { loaders }) =>
      researcher.positionId === null ? null : ((await loaders.positionById.load(researcher.positionId))?.nameFr ?? null),
  },
};
