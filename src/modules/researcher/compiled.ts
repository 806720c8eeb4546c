import { Prisma } from '../../generated/prisma/client.js';
import { unlessRefused } from '../../graphql/compiled/arguments.js';
import { columnField, isSqlText, listByName, objectById } from '../../graphql/compiled/fields.js';
import { dateTimeSql, globalIdSql, jsonListSql } from '../../graphql/compiled/sql.js';
import type { FieldCompiler, TypeCompilers } from '../../graphql/compiled/types.js';
import { MAX_PAGE_SIZE } from '../shared/pagination/cursors.js';
import { fromGlobalId } from '../shared/nodeId.js';
import { sources } from '../shared/provenance.js';
import { publicationsOfResearcher, rankedCoauthorsSql } from './data.js';

/**
 * Compiled reads (src/graphql/compiled/types.ts) of Researcher and Coauthor,
 * and of Query.researcher and Query.node: each field's JSON in SQL, giving
 * what the resolvers (resolvers.ts, loaders.ts) answer, in the same order.
 * Fields left out here (publications: the connections' compiler; citations,
 * formatted by citation-js) send the operation to the resolvers.
 */

/** The id of the researcher with this slug, or of the one a merged-away record with it leads to (findResearcherBySlug). */
function researcherIdBySlug(slug: string): Prisma.Sql {
  return Prisma.sql`coalesce((SELECT s.id FROM researcher s WHERE s.slug = ${slug}), (SELECT d.researcher_id FROM researcher_redirect d WHERE d.slug = ${slug}))`;
}

/** The id of the researcher with this id, or of the one a merged-away record with it leads to (Query.node). */
function researcherIdById(id: number): Prisma.Sql {
  return Prisma.sql`coalesce((SELECT s.id FROM researcher s WHERE s.id = ${id}), (SELECT d.researcher_id FROM researcher_redirect d WHERE d.removed_id = ${id}))`;
}

/** A person's co-authors (researcher.coauthors): the loader's ranking (rankedCoauthorsSql), in its order. */
const coauthors: FieldCompiler = ({ row, args, fieldNodes, compiler }) => {
  const first = args.first ?? 10;
  // The resolver refuses these (listSize): it gives the user the error.
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) return null;
  const ranked = compiler.alias();
  const object = compiler.object('Coauthor', fieldNodes, ranked);
  return (
    object &&
    jsonListSql(Prisma.sql`SELECT json_agg(${object} ORDER BY ${ranked}.shared DESC, ${ranked}.name_key, ${ranked}.researcher_id)
      FROM (${rankedCoauthorsSql(Prisma.sql`${row}.id`, first)}) ${ranked}`)
  );
};

/** The JSON of a known source (readProvenance ignores any other value). */
const knownSources = Prisma.join(sources.map((source) => Prisma.raw(`'"${source}"'::jsonb`)));

/**
 * A row's provenance column as fieldSources (shared/provenanceResolvers.ts)
 * shows it: an entry per field whose source is a known one, by field name in
 * code point order (as JS compares ASCII names; COLLATE "C" compares bytes),
 * nothing for a column that is not an object. Each entry's row is a
 * jsonb_each row (key, value): see fieldSourceCompilers.
 */
export const provenanceField: FieldCompiler = ({ row, fieldNodes, compiler }) => {
  const entry = compiler.alias();
  const object = compiler.object('FieldSource', fieldNodes, entry);
  const provenance = Prisma.sql`${row}.provenance`;
  return (
    object &&
    jsonListSql(Prisma.sql`SELECT json_agg(${object} ORDER BY ${entry}.key COLLATE "C")
      FROM jsonb_each(CASE WHEN jsonb_typeof(${provenance}) = 'object' THEN ${provenance} ELSE '{}'::jsonb END) ${entry}
      WHERE ${entry}.value IN (${knownSources})`)
  );
};

/** One provenance entry (provenanceField): the field's name and its source as the DataSource enum writes it. */
export const fieldSourceCompilers: TypeCompilers = {
  field: columnField('key'),
  source: ({ row }) => Prisma.sql`upper(${row}.value #>> '{}')`,
};

/** A position's name in one language, through the position table (as the positionById loader reads it). */
function positionName(column: string): FieldCompiler {
  return ({ row }) => Prisma.sql`(SELECT p.${Prisma.raw(column)} FROM position p WHERE p.id = ${row}.position_id)`;
}

export const researcherCompilers: TypeCompilers = {
  id: ({ row }) => globalIdSql('Researcher', Prisma.sql`${row}.id`),
  slug: columnField('slug'),
  name: columnField('name'),
  aliases: columnField('aliases'),
  position: positionName('name'),
  positionFr: positionName('name_fr'),
  organization: columnField('organization'),
  isMember: columnField('is_member'),
  orcid: columnField('orcid'),
  provenance: provenanceField,
  // Roles and topics by English name, then id (the roles and topics loaders' order).
  roles: listByName('Role', 'role', (role, researcher) => Prisma.sql`JOIN researcher_role rr ON rr.role_id = ${role}.id WHERE rr.researcher_id = ${researcher}.id`),
  topics: listByName('Topic', 'topic', (topic, researcher) => Prisma.sql`JOIN researcher_topic rt ON rt.topic_id = ${topic}.id WHERE rt.researcher_id = ${researcher}.id`),
  // Shown papers only, counted on authorship as the publicationCount loader counts them.
  publicationCount: ({ row }) =>
    Prisma.sql`(SELECT count(*)::int FROM ${publicationsOfResearcher.countFrom} WHERE ${publicationsOfResearcher.parentColumn} = ${row}.id)`,
  coauthors,
  createdAt: ({ row }) => dateTimeSql(Prisma.sql`${row}.created_at`),
  updatedAt: ({ row }) => dateTimeSql(Prisma.sql`${row}.updated_at`),
};

/** A co-author's row is a ranked row (rankedCoauthorsSql): researcher_id, shared, name_key. */
export const coauthorCompilers: TypeCompilers = {
  sharedPublications: columnField('shared'),
  researcher: (input) => objectById('Researcher', 'researcher', Prisma.sql`${input.row}.researcher_id`)(input),
};

/** The Node with this global id; a malformed id is left to the resolver's error. */
const node: FieldCompiler = (input) => {
  const node = unlessRefused(() => fromGlobalId(String(input.args.id)));
  if (!node) return null;
  switch (node.type) {
    case 'Researcher':
      return objectById('Researcher', 'researcher', researcherIdById(node.id))(input);
    case 'Topic':
      return objectById('Topic', 'topic', Prisma.sql`${node.id}::int`)(input);
    case 'Role':
      return objectById('Role', 'role', Prisma.sql`${node.id}::int`)(input);
    case 'Publication': {
      // Only anonymous requests are compiled (graphql/compiled/plugin.ts): a hidden paper is null to them (visibleTo).
      const row = input.compiler.alias();
      const object = input.compiler.object('Publication', input.fieldNodes, row);
      return object && Prisma.sql`(SELECT ${object} FROM publication ${row} WHERE ${row}.id = ${node.id}::int AND ${row}.hidden_at IS NULL)`;
    }
  }
};

export const researcherQueryCompilers: TypeCompilers = {
  researcher: (input) => (isSqlText(input.args.slug) ? objectById('Researcher', 'researcher', researcherIdBySlug(input.args.slug))(input) : null),
  node,
};
