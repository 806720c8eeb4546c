import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import { cachedCompiler } from '../../src/graphql/compiled/cache.js';
import type { compileOperation } from '../../src/graphql/compiled/compiler.js';

describe('cachedCompiler', () => {
  it('compiles each (document, operation name, variables) once, nulls included, and keeps 256 variable sets per document', () => {
    const calls: unknown[] = [];
    const compile: typeof compileOperation = (_schema, _registry, _document, operationName, variables) => {
      calls.push([operationName, variables]);
      return variables?.none ? null : Prisma.sql`SELECT ${JSON.stringify(variables)}`;
    };
    const cached = cachedCompiler(compile);
    const schema = buildSchema('type Query { a: Int }');
    const document = parse('query A { a } query B { a }');
    const first = cached(schema, {}, document, 'A', { slug: 'x' });
    expect(cached(schema, {}, document, 'A', { slug: 'x' })).toBe(first);
    expect(cached(schema, {}, document, 'B', { slug: 'x' })).not.toBe(first);
    expect(cached(schema, {}, document, 'A', { slug: 'y' })).not.toBe(first);
    expect(cached(schema, {}, parse('query A { a } query B { a }'), 'A', { slug: 'x' })).not.toBe(first);
    expect(cached(schema, {}, document, 'A', { none: true })).toBeNull();
    expect(cached(schema, {}, document, 'A', { none: true })).toBeNull();
    expect(calls).toHaveLength(5);
    for (let index = 0; index < 256; index += 1) cached(schema, {}, document, 'A', { index });
    expect(calls).toHaveLength(5 + 256);
    // The oldest entry went to make room.
    cached(schema, {}, document, 'A', { slug: 'x' });
    expect(calls).toHaveLength(5 + 256 + 1);
  });
});
