import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import { compileOperation, type CompilerRegistry } from '../../src/graphql/compiled/compiler.js';
import { compileConnection, type CompiledListSource } from '../../src/modules/shared/pagination/compiled.js';
import type { Ordering } from '../../src/modules/shared/pagination/cursors.js';

/** compileConnection's page: which columns it carries, and when it reads each node again by key. */
const schema = buildSchema(`
  type Paper { id: Int title: String year: Int }
  type PaperEdge { cursor: String node: Paper }
  type PageInfo { hasNextPage: Boolean hasPreviousPage: Boolean startCursor: String endCursor: String }
  type PaperConnection { totalCount: Int nodes: [Paper!]! edges: [PaperEdge!]! pageInfo: PageInfo! }
  type Query { papers: PaperConnection! byKey: PaperConnection! }
`);

const ordering: Ordering = { name: 'ID', keys: [{ sql: Prisma.sql`p.id`, direction: 'asc', type: 'int' }] };
const types = { connection: 'PaperConnection', edge: 'PaperEdge', node: 'Paper' };
const source = (row?: Prisma.Sql): CompiledListSource => ({
  from: Prisma.sql`paper p`,
  where: Prisma.sql`TRUE`,
  id: Prisma.sql`p.id`,
  table: Prisma.sql`paper`,
  count: Prisma.sql`(SELECT count(*)::int FROM paper p)`,
  ...(row ? { row } : {}),
});

const registry: CompilerRegistry = {
  Query: {
    papers: (input) => compileConnection(input, types, source(Prisma.sql`p`), ordering, { limit: 2, forward: true, cursor: null }),
    byKey: (input) => compileConnection(input, types, source(), ordering, { limit: 2, forward: true, cursor: null }),
  },
  Paper: {
    id: ({ row }) => Prisma.sql`${row}.id`,
    title: ({ row }) => Prisma.sql`${row}.title`,
    year: ({ row }) => Prisma.sql`${row}.year + 1`,
  },
};

const compile = (document: string) => compileOperation(schema, registry, parse(document), undefined, {})!.text;

describe('compileConnection', () => {
  it('carries the columns its nodes read on the page, once each, and builds the nodes from it', () => {
    const sql = compile('{ papers { nodes { title year t2: title } edges { cursor node { year } } } }');
    expect(sql).toContain('SELECT p.id,p.title,p.year, p.id AS sort_0');
    expect(sql).not.toMatch(/SELECT \* FROM paper/u);
  });

  it('carries only the id when no node is asked for', () => {
    expect(compile('{ papers { pageInfo { hasNextPage endCursor } } }')).toContain('SELECT p.id, p.id AS sort_0');
  });

  it('reads each node again by key when the source does not name its row', () => {
    const sql = compile('{ byKey { nodes { title } } }');
    expect(sql).toContain('SELECT p.id AS id, p.id AS sort_0');
    expect(sql).toMatch(/CROSS JOIN LATERAL \(SELECT \* FROM paper o2 WHERE o2\.id = o1\.id OFFSET 0\) o2/u);
  });
});
