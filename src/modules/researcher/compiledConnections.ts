import { Prisma } from '../../generated/prisma/client.js';
import { idByKey, unlessRefused } from '../../graphql/compiled/arguments.js';
import type { FieldCompiler, TypeCompilers } from '../../graphql/compiled/types.js';
import { researchersOfRole } from '../role/data.js';
import { compileConnection } from '../shared/pagination/compiled.js';
import { readPageArgs, type Ordering, type PageArgs } from '../shared/pagination/cursors.js';
import { linkPageOf, type Relation } from '../shared/pagination/nested.js';
import { readSearch } from '../shared/search.js';
import { researchersOfTopic, researchersOfTopicByName } from '../topic/data.js';
import { researcherFilterSql, researcherOrderings, type ResearcherFilter, type ResearcherOrder } from './data.js';

/**
 * Compiled researcher lists (graphql/compiled/): Query.researchers and the
 * researchers of a topic and of a role, filtered, ordered and paged by the
 * resolvers' SQL (data.ts, the relations of topic/ and role/).
 */

const types = { connection: 'ResearcherConnection', edge: 'ResearcherEdge', node: 'Researcher' };
const table = Prisma.sql`researcher`;

interface ResearchersArgs extends PageArgs {
  orderBy?: ResearcherOrder | null;
  filter?: { search?: string | null; topic?: string | null; role?: string | null; isMember?: boolean | null } | null;
}

/** Query.researchers, as its resolver reads its arguments (resolvers.ts). */
const researchers: FieldCompiler = (input) => {
  const args = input.args as ResearchersArgs;
  const ordering = researcherOrderings[args.orderBy ?? 'NAME'];
  const read = unlessRefused(() => ({ page: readPageArgs(args, ordering), search: readSearch(args.filter?.search, 'filter.search') }));
  if (!read) return null;
  const { topic, role, isMember } = args.filter ?? {};
  const filter: ResearcherFilter = { search: read.search, isMember };
  if (topic != null) filter.topicId = idByKey(input, 'topic', 'slug', topic);
  if (role != null) filter.roleId = idByKey(input, 'role', 'key', role);
  const where = researcherFilterSql(filter);
  const from = Prisma.sql`researcher r`;
  return compileConnection(input, types, { from, where, id: Prisma.sql`r.id`, table, count: Prisma.sql`(SELECT count(*)::int FROM ${from} WHERE ${where})` }, ordering, read.page);
};

/**
 * A nested list of researchers by name (a topic's, a role's), as connectionLoader
 * pages `relation` in `relationOrdering`: the page's ids from the link table
 * alone when the links hold the ordering (linkPageOf), else from the
 * relation's own FROM clause; compileConnection then looks each node up by key.
 */
function nestedResearchers(relation: Relation<unknown>, relationOrdering: Ordering): FieldCompiler {
  const onLinks = linkPageOf(relation, relationOrdering);
  const ordering = onLinks?.ordering ?? relationOrdering;
  return (input) => {
    const page = unlessRefused(() => readPageArgs(input.args as PageArgs, ordering));
    if (!page) return null;
    const parent = Prisma.sql`${relation.parentColumn} = ${input.row}.id`;
    const count = Prisma.sql`(SELECT count(*)::int FROM ${relation.countFrom} WHERE ${parent})`;
    if (!onLinks) return compileConnection(input, types, { from: relation.from, where: parent, id: Prisma.sql`r.id`, table, count }, ordering, page);
    const { links } = onLinks;
    const where = links.where ? Prisma.sql`${parent} AND ${links.where}` : parent;
    return compileConnection(input, types, { from: links.from, where, id: links.childId, table, count }, ordering, page);
  };
}

export const researcherConnectionQueryCompilers: TypeCompilers = { researchers };
export const topicResearchersCompilers: TypeCompilers = { researchers: nestedResearchers(researchersOfTopic, researchersOfTopicByName) };
export const roleResearchersCompilers: TypeCompilers = { researchers: nestedResearchers(researchersOfRole, researcherOrderings.NAME) };
