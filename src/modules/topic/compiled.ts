import { Prisma } from '../../generated/prisma/client.js';
import { globalIdSql, jsonListSql } from '../../graphql/compiled/sql.js';
import type { TypeCompilers } from '../../graphql/compiled/types.js';
import { columnField, isSqlText } from '../researcher/compiled.js';

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
  topic: ({ args, fieldNodes, compiler }) => {
    if (!isSqlText(args.slug)) return null;
    const topic = compiler.alias();
    const object = compiler.object('Topic', fieldNodes, topic);
    return object && Prisma.sql`(SELECT ${object} FROM topic ${topic} WHERE ${topic}.slug = ${args.slug})`;
  },
  // Every topic by English name, then id (as Query.topics orders them).
  topics: ({ fieldNodes, compiler }) => {
    const topic = compiler.alias();
    const object = compiler.object('Topic', fieldNodes, topic);
    return object && jsonListSql(Prisma.sql`SELECT json_agg(${object} ORDER BY ${topic}.name, ${topic}.id) FROM topic ${topic}`);
  },
};
