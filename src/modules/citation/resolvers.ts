import type { Resolvers } from '../../generated/graphql.js';
import { formatCitations } from './formats.js';
import { citedPublicationsOf } from './loaders.js';

/** Publication.citation and Researcher.citations: rows from the loaders, formats from citation-js (formats.ts). */
export const citationResolvers: Resolvers = {
  Publication: {
    citation: async (publication, { format }, { loaders }) =>
      formatCitations([{ publication, authors: await loaders.publication.authors.load(publication.id) }], format),
  },
  Researcher: {
    citations: async (researcher, { format }, { loaders }) => formatCitations(await citedPublicationsOf(loaders, researcher.id), format),
  },
};
