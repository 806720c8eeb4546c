import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import { compileOperation, type CompilerRegistry } from '../../src/graphql/compiled/compiler.js';

/** compileOperation on a small schema: what it compiles, what it leaves to the resolvers. */
const schema = buildSchema(`
  type Paper { title: String year(plus: Int = 0): Int author: Person }
  type Person { name: String }
  type Query { paper(id: Int!): Paper papers: [Paper!]! }
  type Mutation { touch: Int }
`);

const registry: CompilerRegistry = {
  Query: {
    paper: ({ args, fieldNodes, compiler }) => {
      const row = compiler.alias();
      const object = compiler.object('Paper', fieldNodes, row);
      if (args.id === 0) compiler.guard(Prisma.sql`FALSE`);
      return object && Prisma.sql`(SELECT ${object} FROM paper ${row} WHERE ${row}.id = ${args.id})`;
    },
  },
  Paper: {
    title: ({ row }) => Prisma.sql`${row}.title`,
    year: ({ row, args }) => Prisma.sql`${row}.year + ${args.plus}`,
  },
};

const compile = (document: string, variables?: Record<string, unknown>, operationName?: string) =>
  compileOperation(schema, registry, parse(document), operationName, variables);

describe('compileOperation', () => {
  it('builds one json_build_object per object, keys in document order, fresh aliases, arguments with defaults', () => {
    const sql = compile('query ($id: Int!) { p: paper(id: $id) { year title __typename y2: year(plus: 2) } }', { id: 7 });
    expect(sql?.text).toBe(
      "SELECT json_build_object('p', (SELECT json_build_object('year', o1.year + $1,'title', o1.title,'__typename', 'Paper','y2', o1.year + $2) FROM paper o1 WHERE o1.id = $3)) AS data",
    );
    expect(sql?.values).toEqual([0, 2, 7]);
  });

  it('picks the named operation, and wraps guards around the answer', () => {
    const document = 'query A { paper(id: 1) { title } } query B { paper(id: 0) { title } }';
    expect(compile(document, {}, 'A')?.text).not.toContain('CASE');
    expect(compile(document, {}, 'B')?.text).toMatch(/^SELECT CASE WHEN FALSE THEN json_build_object\(.*\) END AS data$/u);
  });

  it('leaves to the resolvers: a field without a compiler, a mutation, variables graphql-js refuses, an unknown operation name', () => {
    expect(compile('{ paper(id: 1) { author { name } } }')).toBeNull();
    expect(compile('{ papers { title } }')).toBeNull();
    expect(compile('mutation { touch }')).toBeNull();
    expect(compile('query ($id: Int!) { paper(id: $id) { title } }', { id: 'seven' })).toBeNull();
    expect(compile('query ($id: Int!) { paper(id: $id) { title } }', {})).toBeNull();
    expect(compile('query A { paper(id: 1) { title } }', {}, 'B')).toBeNull();
    // Nothing to read: no statement at all.
    expect(compile('{ __typename }')).toBeNull();
  });

  it('leaves an object of more than 50 keys to the resolvers (json_build_object takes 100 arguments)', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, index) => `k${index}: title`).join(' ');
    expect(compile(`{ paper(id: 1) { ${keys(50)} } }`)).not.toBeNull();
    expect(compile(`{ paper(id: 1) { ${keys(51)} } }`)).toBeNull();
  });
});
