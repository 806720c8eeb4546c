import { Prisma } from '../../generated/prisma/client.js';
import { idByKey, unlessRefused } from '../../graphql/compiled/arguments.js';
import type { FieldCompiler, TypeCompilers } from '../../graphql/compiled/types.js';
import { publicationsOfResearcher, researcherPapersNewestFirst } from '../researcher/data.js';
import { compileConnection, type CompiledListSource } from '../shared/pagination/compiled.js';
import { readPageArgs, type PageArgs, type PageRequest, type Ordering } from '../shared/pagination/cursors.js';
import { linkPageOf, type Relation } from '../shared/pagination/nested.js';
import { readSearch } from '../shared/search.js';
import { publicationsOfTopic } from '../topic/data.js';
import { filteredPublications, publicationOrdering, type PublicationFilter, type PublicationOrder } from './data.js';
import { nestedPage } from './nestedPage.js';

/**
 * Compiled publication lists (graphql/compiled/): Query.publications and the
 * nested lists of a researcher and of a topic, filtered, ordered and paged by
 * the same SQL as the resolvers (data.ts, the relations of researcher/ and
 * topic/). Arguments the resolvers refuse leave the operation to them.
 */

const types = { connection: 'PublicationConnection', edge: 'PublicationEdge', node: 'Publication' };
const table = Prisma.sql`publication`;
/** Each source below yields the whole paper as `p`: its nodes are built from the page (no read back by key). */
const row = Prisma.sql`p`;

interface PublicationsArgs extends PageArgs {
  orderBy?: PublicationOrder | null;
  filter?: { search?: string | null; topic?: string | null; author?: string | null; yearFrom?: number | null; yearTo?: number | null; visibility?: string | null } | null;
}

/** Query.publications, as its resolver reads its arguments (resolvers.ts); HIDDEN and ALL need an editor: not compiled. */
const publications: FieldCompiler = (input) => {
  const args = input.args as PublicationsArgs;
  const { topic, author, yearFrom, yearTo, visibility } = args.filter ?? {};
  const read = unlessRefused(() => {
    const search = readSearch(args.filter?.search, 'filter.search');
    const ordering = publicationOrdering(args.orderBy ?? (search ? 'RELEVANCE' : 'YEAR_DESC'), search);
    return { search, ordering, page: readPageArgs(args, ordering) };
  });
  if (!read || (yearFrom != null && yearTo != null && yearFrom > yearTo) || (visibility ?? 'VISIBLE') !== 'VISIBLE') return null;
  const filter: PublicationFilter = { search: read.search, yearFrom, yearTo, visibility: 'VISIBLE' };
  if (topic != null) filter.topicId = idByKey(input, 'topic', 'slug', topic);
  if (author != null) filter.authorId = idByKey(input, 'researcher', 'slug', author);
  const { from, where, countWhere } = filteredPublications(filter);
  const count = Prisma.sql`(SELECT count(*)::int FROM ${from} WHERE ${countWhere})`;
  // An author's papers newest first and nothing else: the author's id is a
  // subquery of the slug here, unknown when the statement is planned, and
  // the planner top-N sorted all of the author's papers (issue 13). Cut from
  // authorship's copies of the paper's keys instead, as a researcher's own
  // list is (researcherPapersNewestFirst: same name, same values, same cursors).
  const authorOnly = filter.authorId !== undefined && filter.topicId === undefined && !read.search && yearFrom == null && yearTo == null;
  if (authorOnly && read.ordering.name === researcherPapersNewestFirst.name) {
    const links = Prisma.sql`a.researcher_id = ${filter.authorId} AND a.shown`;
    return compileConnection(input, types, { from: Prisma.sql`authorship a`, where: links, id: Prisma.sql`a.publication_id`, table, count }, researcherPapersNewestFirst, read.page);
  }
  const source: CompiledListSource = { from, where, id: Prisma.sql`p.id`, table, row, count };
  return compileConnection(input, types, source, read.ordering, read.page);
};

/**
 * A nested list of a parent's publications (a researcher's, a topic's), as
 * connectionLoader pages `relation`: in an ordering the links hold
 * (linkPageOf: a researcher's papers newest first), the page's ids from the
 * link table alone and each node looked up by key; else the page's whole
 * papers from the relation's own FROM clause.
 */
function nestedPublications(relation: Relation<unknown>): FieldCompiler {
  return (input) => {
    const read = unlessRefused(() => nestedPage(input.args as PageArgs & { orderBy?: PublicationOrder | null }));
    if (!read) return null;
    const page: PageRequest = read.page;
    const parent = Prisma.sql`${relation.parentColumn} = ${input.row}.id`;
    const count = Prisma.sql`(SELECT count(*)::int FROM ${relation.countFrom} WHERE ${parent})`;
    const onLinks = linkPageOf(relation, publicationOrdering(read.order, null));
    if (onLinks) {
      const { links, ordering } = onLinks;
      const where = links.where ? Prisma.sql`${parent} AND ${links.where}` : parent;
      return compileConnection(input, types, { from: links.from, where, id: links.childId, table, count }, ordering, page);
    }
    const ordering: Ordering = publicationOrdering(read.order, null);
    return compileConnection(input, types, { from: relation.from, where: parent, id: Prisma.sql`p.id`, table, row, count }, ordering, page);
  };
}

export const publicationConnectionQueryCompilers: TypeCompilers = { publications };
export const researcherPublicationsCompilers: TypeCompilers = { publications: nestedPublications(publicationsOfResearcher) };
export const topicPublicationsCompilers: TypeCompilers = { publications: nestedPublications(publicationsOfTopic) };
