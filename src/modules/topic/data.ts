import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { badUserInput } from '../shared/errors.js';
import type { Relation } from '../shared/relations.js';

/** Topic columns under their Prisma field names. */
export const topicColumns = Prisma.sql`t.id, t.slug, t.name, t.name_fr AS "nameFr", t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

/** Topics of each publication (parent: publication id). */
export const topicsOfPublication: Relation = {
  columns: topicColumns,
  from: Prisma.sql`topic t JOIN publication_topic pt ON pt.topic_id = t.id`,
  parentColumn: Prisma.sql`pt.publication_id`,
};

/** Topics of each researcher's profile (parent: researcher id). */
export const topicsOfResearcher: Relation = {
  columns: topicColumns,
  from: Prisma.sql`topic t JOIN researcher_topic rt ON rt.topic_id = t.id`,
  parentColumn: Prisma.sql`rt.researcher_id`,
};

/** The id of the topic with this slug, or a BAD_USER_INPUT error naming the argument. */
export async function requireTopicId(prisma: PrismaClient, slug: string, argumentName: string): Promise<number> {
  const topic = await prisma.topic.findUnique({ where: { slug }, select: { id: true } });
  if (!topic) {
    const known = (await prisma.topic.findMany({ select: { slug: true }, orderBy: { slug: 'asc' } })).map((t) => t.slug);
    throw badUserInput(`Unknown topic "${slug}" in ${argumentName}. Known topics: ${known.join(', ') || 'none yet'}.`, argumentName);
  }
  return topic.id;
}
