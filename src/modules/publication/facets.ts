import type { PrismaClient } from '../../generated/prisma/client.js';
import { columnsOf, selectList } from '../shared/columns.js';
import type { ResearcherModel } from '../researcher/mappers.js';
import type { TopicModel } from '../topic/mappers.js';
import { filteredPublications, type PublicationFilter } from './data.js';

/**
 * Facets of a publication list: counts over every publication the list's
 * filter selects, not just the page. Each facet is one GROUP BY statement over
 * filteredPublications(filter), the same FROM and WHERE as the page and its
 * totalCount, so a condition added there (hidden papers…) counts here too.
 */

/** What PublicationFacets fields resolve from: the filter of the list. */
export interface PublicationFacetsModel {
  filter: PublicationFilter;
}

export interface YearCountRow {
  year: number | null;
  count: number;
}

export interface TopicCountModel {
  topic: TopicModel;
  count: number;
}

export interface AuthorCountModel {
  researcher: ResearcherModel;
  count: number;
}

/** Publications per year, newest first, unknown years last. */
export function yearCounts(prisma: PrismaClient, filter: PublicationFilter): Promise<YearCountRow[]> {
  const { from, where } = filteredPublications(filter);
  return prisma.$queryRaw<YearCountRow[]>`
    SELECT p.year AS year, count(*)::int AS count
    FROM ${from}
    WHERE ${where}
    GROUP BY p.year
    ORDER BY p.year DESC NULLS LAST`;
}

/** Publications per topic, most first, then by English name. */
export async function topicCounts(prisma: PrismaClient, filter: PublicationFilter): Promise<TopicCountModel[]> {
  const { from, where } = filteredPublications(filter);
  const rows = await prisma.$queryRaw<(TopicModel & { facet_count: number })[]>`
    SELECT ${selectList(prisma, columnsOf('Topic', 't'))}, count(*)::int AS facet_count
    FROM ${from}
    JOIN publication_topic pt ON pt.publication_id = p.id
    JOIN topic t ON t.id = pt.topic_id
    WHERE ${where}
    GROUP BY t.id
    ORDER BY count(*) DESC, t.name, t.id`;
  return rows.map(({ facet_count, ...topic }) => ({ topic, count: facet_count }));
}

/** The `limit` authors with the most publications, then by name. */
export async function authorCounts(prisma: PrismaClient, filter: PublicationFilter, limit: number): Promise<AuthorCountModel[]> {
  const { from, where } = filteredPublications(filter);
  const rows = await prisma.$queryRaw<(ResearcherModel & { facet_count: number })[]>`
    SELECT ${selectList(prisma, columnsOf('Researcher', 'r'))}, count(*)::int AS facet_count
    FROM ${from}
    JOIN authorship a ON a.publication_id = p.id
    JOIN researcher r ON r.id = a.researcher_id
    WHERE ${where}
    GROUP BY r.id
    ORDER BY count(*) DESC, r.name_key, r.id
    LIMIT ${limit}`;
  return rows.map(({ facet_count, ...researcher }) => ({ researcher, count: facet_count }));
}

/** Publications with a code link. */
export async function withCodeCount(prisma: PrismaClient, filter: PublicationFilter): Promise<number> {
  const { from, where } = filteredPublications(filter);
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM ${from} WHERE ${where} AND p.code_url IS NOT NULL`;
  return row?.count ?? 0;
}
