import { Prisma } from '../../generated/prisma/client.js';
import { columnField, listByName, objectByKey } from '../../graphql/compiled/fields.js';
import { globalIdSql } from '../../graphql/compiled/sql.js';
import type { TypeCompilers } from '../../graphql/compiled/types.js';

/**
 * Compiled reads (src/graphql/compiled/types.ts) of Topic, Query.topic and
 * Query.topics: what resolvers.ts answers, in the same order. Topic's
 * connections (researchers, publications) are the connections' compiler's.
 */
export const topicCompilers: TypeCompilers = {
  id: ({ row }) => globalIdSql('Topic', Prisma.sql`${row}.id`),
  slug: columnField('slug'),
  name: columnField('name'),
  nameFr: columnField('name_fr'),
};

export const topicQueryCompilers: TypeCompilers = {
  topic: objectByKey('Topic', 'topic', 'slug', 'slug'),
  // Every topic by English name, then id (as Query.topics orders them).
  topics: listByName('Topic', 'topic'),
};
