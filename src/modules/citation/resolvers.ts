import type { Resolvers } from '../../generated/graphql.js';
import { researcherColumns } from '../researcher/columns.js';
import { formatCitations } from './formats.js';
import { citedPublicationsOf } from './loaders.js';

/** Publication.citation and Researcher.citations: rows from the loaders, formats from citation-js (formats.ts). */
export const citationResolvers: Resolvers = {
  Publication: {
    // A citation reads most of a paper's columns: the whole row, by id (batched over a list's papers), whatever the list selected.
    citation: async (publication, { format }, { loaders }) => {
      const [whole, authors] = await Promise.all([
        loaders.publication.byId.load(publication.id),
        loaders.publication.authors(researcherColumns).load(publication.id),
      ]);
      if (!whole) throw new Error(`Publication ${publication.id} was deleted while its citation was made.`);
      return formatCitations([{ publication: whole, authors }], format);
    },
  },
  Researcher: {
    citations: async (researcher, { format }, { loaders }) => formatCitations(await citedPublicationsOf(loaders, researcher.id), format),
  },
};
