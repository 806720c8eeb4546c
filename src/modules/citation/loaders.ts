import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import type { Loaders } from '../../loaders.js';
import { publicationOrderings } from '../publication/data.js';
import { researcherColumns } from '../researcher/columns.js';
import { publicationsOfResearcher } from '../researcher/data.js';
import { listLoader } from '../shared/pagination/nested.js';
import { orderBySql } from '../shared/pagination/sql.js';
import type { CitedPublication } from './cslItem.js';

/** `loaders.citation.publicationsOf`: every publication of each researcher, newest first (the YEAR_DESC list order). */
export function createCitationLoaders(prisma: PrismaClient) {
  return {
    publicationsOf: listLoader(
      prisma,
      publicationsOfResearcher,
      Prisma.sql`a.researcher_id, ${orderBySql(publicationOrderings.YEAR_DESC, true)}`,
    ),
  };
}

/**
 * A researcher's publications with their authors, newest first: two
 * statements however many papers (and, batched, however many researchers).
 */
export async function citedPublicationsOf(loaders: Loaders, researcherId: number): Promise<CitedPublication[]> {
  const publications = await loaders.citation.publicationsOf.load(researcherId);
  const authors = await loaders.publication.authors(researcherColumns).loadMany(publications.map((publication) => publication.id));
  return publications.map((publication, index) => {
    const list = authors[index]!;
    if (list instanceof Error) throw list;
    return { publication, authors: list };
  });
}
