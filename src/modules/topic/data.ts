import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { columnsOf, type RowOf } from '../shared/columns.js';
import { lookupListingKeys, type KeyLookup } from '../shared/lookup.js';
import type { Relation } from '../shared/pagination/nested.js';

/** Researchers whose profile lists each topic (parent: topic id). */
export const researchersOfTopic: Relation<RowOf<'Researcher'>> = {
  columns: columnsOf('Researcher', 'r'),
  from: Prisma.sql`researcher r JOIN researcher_topic rt ON rt.researcher_id = r.id`,
  parentColumn: Prisma.sql`rt.topic_id`,
};

/** Publications tagged with each topic (parent: topic id). */
export const publicationsOfTopic: Relation<RowOf<'Publication'>> = {
  columns: columnsOf('Publication', 'p'),
  from: Prisma.sql`publication p JOIN publication_topic pt ON pt.publication_id = p.id`,
  parentColumn: Prisma.sql`pt.topic_id`,
};

/** Topics by slug, for filter arguments; the error lists the known slugs. */
export function topicLookup(prisma: PrismaClient): KeyLookup {
  return lookupListingKeys(
    'topic',
    (slug) => prisma.topic.findUnique({ where: { slug }, select: { id: true } }),
    async () => (await prisma.topic.findMany({ select: { slug: true }, orderBy: { slug: 'asc' } })).map((t) => t.slug),
  );
}
