import { Prisma } from '../../generated/prisma/client.js';
import { columnField, listByName } from '../../graphql/compiled/fields.js';
import { dateTimeSql, globalIdSql, jsonListSql } from '../../graphql/compiled/sql.js';
import type { FieldCompiler, TypeCompilers } from '../../graphql/compiled/types.js';
import { provenanceField } from '../researcher/compiled.js';
import { idOfType } from '../shared/nodeId.js';

/**
 * Compiled reads of Publication (graphql/compiled/): each field's JSON for a
 * publication row in scope as `row`, as the resolvers (resolvers.ts) answer
 * an anonymous request. citation is not compiled: a query asking for it
 * runs through the resolvers.
 */

export const publicationCompilers: TypeCompilers = {
  id: ({ row }) => globalIdSql('Publication', Prisma.sql`${row}.id`),
  title: columnField('title'),
  abstract: columnField('abstract'),
  abstractTruncated: columnField('abstract_truncated'),
  codeUrl: columnField('code_url'),
  year: columnField('year'),
  venue: columnField('venue'),
  doi: columnField('doi'),
  arxivId: columnField('arxiv_id'),
  url: columnField('url'),
  openAlexId: columnField('openalex_id'),
  citationCount: columnField('citation_count'),
  openAccessUrl: columnField('open_access_url'),
  // fieldSources of the column, as the resolver reads it (researcher/compiled.ts writes it for both types).
  provenance: provenanceField,
  // Only editors see why a paper is hidden (hiddenFor): an anonymous request, the only kind compiled, never does.
  hidden: () => Prisma.sql`NULL::json`,
  createdAt: ({ row }) => dateTimeSql(Prisma.sql`${row}.created_at`),
  updatedAt: ({ row }) => dateTimeSql(Prisma.sql`${row}.updated_at`),
  // In position order, as authorsOfPublication's loader lists them; each author by key (researcher_pkey),
  // through a lateral subquery as authorsOfPublication does: as a plain join the planner hashed a scan of every researcher.
  authors: ({ fieldNodes, row, compiler }) => {
    const author = compiler.alias();
    const link = compiler.alias();
    const value = compiler.object('Researcher', fieldNodes, author);
    return value && jsonListSql(Prisma.sql`SELECT json_agg(${value} ORDER BY ${link}.position)
      FROM authorship ${link} CROSS JOIN LATERAL (SELECT * FROM researcher ${author} WHERE ${author}.id = ${link}.researcher_id OFFSET 0) ${author}
      WHERE ${link}.publication_id = ${row}.id`);
  },
  // By name then id, as topicsOfPublication's loader lists them.
  topics: listByName('Topic', 'topic', (topic, publication) => Prisma.sql`JOIN publication_topic pt ON pt.topic_id = ${topic}.id WHERE pt.publication_id = ${publication}.id`),
};

/** Query.publication(id): a shown paper, or null (a hidden one is for editors only: visibleTo). An id the resolvers refuse is theirs to answer. */
const publication: FieldCompiler = ({ fieldNodes, args, compiler }) => {
  let id: number;
  try {
    id = idOfType(args.id as string, 'Publication');
  } catch {
    return null;
  }
  const row = compiler.alias();
  const value = compiler.object('Publication', fieldNodes, row);
  return value && Prisma.sql`(SELECT ${value} FROM publication ${row} WHERE ${row}.id = ${id} AND ${row}.hidden_at IS NULL)`;
};

export const publicationQueryCompilers: TypeCompilers = { publication };
