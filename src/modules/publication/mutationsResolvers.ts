import { requireRole } from '../../auth/viewer.js';
import type { GraphQLContext } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { badUserInput } from '../shared/errors.js';
import { inWriteTransaction } from '../shared/mutations.js';
import { idOfType } from '../shared/nodeId.js';
import { validText } from '../shared/validate.js';
import type { PublicationModel } from './mappers.js';
import { createPublication, hidePublication, restorePublication, setPublicationAuthors, updatePublication } from './mutations.js';
import { authorIds, readPublicationPatch } from './mutationsInput.js';

/** The publication as it is now, through the request's (fresh) loaders. */
async function payload(context: GraphQLContext, id: number): Promise<{ publication: PublicationModel }> {
  const publication = await context.loaders.publication.byId.load(id);
  if (!publication) throw new Error(`Publication ${id} is gone right after it was written.`);
  return { publication };
}

export const publicationMutationResolvers: Resolvers = {
  Mutation: {
    updatePublication: async (_parent, { id, patch, expectedUpdatedAt }, context) => {
      const viewer = await requireRole(context.authenticate, 'editor', 'updatePublication');
      const publicationId = idOfType(id, 'Publication');
      const changes = await readPublicationPatch(context.prisma, patch, 'patch');
      await inWriteTransaction(context, (tx) => updatePublication(tx, viewer, publicationId, changes, expectedUpdatedAt));
      return payload(context, publicationId);
    },
    setPublicationAuthors: async (_parent, { id, authors, expectedUpdatedAt }, context) => {
      const viewer = await requireRole(context.authenticate, 'editor', 'setPublicationAuthors');
      const publicationId = idOfType(id, 'Publication');
      const researcherIds = authorIds(authors, 'authors');
      if (researcherIds.length === 0) throw badUserInput('authors may not be empty: a paper has at least one author (hidePublication hides a paper).', 'authors');
      await inWriteTransaction(context, (tx) => setPublicationAuthors(tx, viewer, publicationId, researcherIds, expectedUpdatedAt));
      return payload(context, publicationId);
    },
    createPublication: async (_parent, { input }, context) => {
      const viewer = await requireRole(context.authenticate, 'editor', 'createPublication');
      const changes = await readPublicationPatch(context.prisma, input, 'input');
      const researcherIds = input.authors == null ? undefined : authorIds(input.authors, 'input.authors');
      const id = await inWriteTransaction(context, (tx) => createPublication(tx, viewer, { ...changes, title: changes.title! }, researcherIds));
      return payload(context, id);
    },
    hidePublication: async (_parent, { id, reason }, context) => {
      const viewer = await requireRole(context.authenticate, 'admin', 'hidePublication');
      const publicationId = idOfType(id, 'Publication');
      const why = validText(reason, 'reason', 1_000);
      await inWriteTransaction(context, (tx) => hidePublication(tx, viewer, publicationId, why));
      return payload(context, publicationId);
    },
    restorePublication: async (_parent, { id }, context) => {
      const viewer = await requireRole(context.authenticate, 'admin', 'restorePublication');
      const publicationId = idOfType(id, 'Publication');
      await inWriteTransaction(context, (tx) => restorePublication(tx, viewer, publicationId));
      return payload(context, publicationId);
    },
  },
};
