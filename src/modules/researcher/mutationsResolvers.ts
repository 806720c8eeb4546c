import { requireRole } from '../../auth/viewer.js';
import type { GraphQLContext } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { inWriteTransaction } from '../shared/mutations.js';
import { idOfType, toGlobalId } from '../shared/nodeId.js';
import type { ResearcherModel } from './mappers.js';
import { updateResearcher } from './mutations.js';
import { readResearcherPatch } from './mutationsInput.js';
import { mergeResearchers } from './mutationsMerge.js';

/** The researcher as it is now, through the request's (fresh) loaders. */
async function reread(context: GraphQLContext, id: number): Promise<ResearcherModel> {
  const researcher = await context.loaders.researcher.byId.load(id);
  if (!researcher) throw new Error(`Researcher ${id} is gone right after it was written.`);
  return researcher;
}

export const researcherMutationResolvers: Resolvers = {
  Mutation: {
    updateResearcher: async (_parent, { id, patch, expectedUpdatedAt }, context) => {
      const viewer = await requireRole(context.authenticate, 'editor', 'updateResearcher');
      const researcherId = idOfType(id, 'Researcher');
      const changes = await readResearcherPatch(context.prisma, patch);
      await inWriteTransaction(context, (tx) => updateResearcher(tx, viewer, researcherId, changes, expectedUpdatedAt));
      return { researcher: await reread(context, researcherId) };
    },
    mergeResearchers: async (_parent, { keep, remove }, context) => {
      const viewer = await requireRole(context.authenticate, 'admin', 'mergeResearchers');
      const keepId = idOfType(keep, 'Researcher', 'keep');
      const removeId = idOfType(remove, 'Researcher', 'remove');
      await inWriteTransaction(context, (tx) => mergeResearchers(tx, viewer, keepId, removeId));
      return { researcher: await reread(context, keepId), removedId: toGlobalId('Researcher', removeId) };
    },
  },
};
