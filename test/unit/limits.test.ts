import { buildSchema, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { OperationLimits } from '../../src/config.js';
import { checkLimits, measureDocument, measureOperation } from '../../src/graphql/limits.js';
import { typeDefs } from '../../src/schema.js';

const schema = buildSchema(typeDefs);

const limits: OperationLimits = { maxTokens: 1000, maxDepth: 10, maxAliases: 15, maxRepeatedFields: 15, maxDirectives: 5, maxCost: 10_000, maxFragmentSpreads: 50 };

/** `fragment F1 on Query { ...F0 ...F0 }`, F2 over F1… `levels` deep: 2^levels spreads once expanded. */
function fanOut(levels: number): string {
  const fragments = ['fragment F0 on Query { __typename }'];
  for (let level = 1; level <= levels; level += 1) fragments.push(`fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }`);
  return `query { ...F${levels} } ${fragments.join(' ')}`;
}

/**
 * Counts how often each fragment's selection set is read, by wrapping its
 * `selections` in a getter: the walk reads it once per visit.
 */
function countWalks(document: DocumentNode): { operation: OperationDefinitionNode; fragments: Map<string, FragmentDefinitionNode>; walks: Map<string, number> } {
  const walks = new Map<string, number>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operation = definition;
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const name = definition.name.value;
    const { selections } = definition.selectionSet;
    walks.set(name, 0);
    const selectionSet = Object.defineProperty({ ...definition.selectionSet }, 'selections', {
      get: () => {
        walks.set(name, walks.get(name)! + 1);
        return selections;
      },
    });
    fragments.set(name, { ...definition, selectionSet });
  }
  return { operation: operation!, fragments, walks };
}

describe('measuring a document', () => {
  it('walks each fragment once however often it is spread: 40 levels of fan-out, 40 walks', () => {
    const { operation, fragments, walks } = countWalks(parse(fanOut(40)));
    const measure = measureOperation(schema, operation, fragments);
    expect([...walks.values()]).toEqual(Array(41).fill(1));
    // Yet every spread counts where it is used: 2 + 4 + … + 2^40.
    expect(measure.fragmentSpreads).toBe(2 ** 41 - 2 + 1);
    expect(measure.cost).toBe(2 ** 40);
  });

  it('counts a fragment where it is spread: depth from the spread, aliases and cost times the spreads', () => {
    const document = parse(`
      query { researchers(first: 5) { nodes { ...R ...R } } }
      fragment R on Researcher { a: name b: coauthors(first: 3) { researcher { name } } }
    `);
    const measure = measureDocument(schema, document);
    expect(measure.depth).toBe(5); // researchers › nodes › coauthors › researcher › name
    expect(measure.aliases).toBe(4);
    expect(measure.fragmentSpreads).toBe(2);
    // researchers 1 + 5 × (nodes 1 + 2 × (a 1 + b (1 + 3 × (researcher 1 + name 1))))
    expect(measure.cost).toBe(1 + 5 * (1 + 2 * (1 + 1 + 3 * 2)));
  });

  it('inline fragments and aliases inside fragments count like fields written in place', () => {
    const inline = measureDocument(schema, parse('{ researchers(first: 100) { nodes { ... on Researcher { coauthors(first: 100) { sharedPublications } } } } }'));
    const written = measureDocument(schema, parse('{ researchers(first: 100) { nodes { coauthors(first: 100) { sharedPublications } } } }'));
    expect(inline).toEqual(written);
  });

  it('a page size comes from the literal, else the variable, else its default; a variable with neither counts as 100', () => {
    const cost = (query: string, variables: Record<string, unknown> = {}) => measureDocument(schema, parse(query), variables).cost;
    const nested = (n: string) => `{ researchers(first: ${n}) { nodes { name } } }`;
    expect(cost(nested('7'))).toBe(1 + 7 * 2);
    expect(cost(`query ($n: Int = 100) ${nested('$n')}`)).toBe(1 + 100 * 2);
    expect(cost(`query ($n: Int = 100) ${nested('$n')}`, { n: 3 })).toBe(1 + 3 * 2);
    expect(cost(`query ($n: Int) ${nested('$n')}`)).toBe(1 + 100 * 2);
    expect(cost(`query ($n: Int) ${nested('$n')}`, { n: null })).toBe(1 + 20 * 2); // null: the field's default page
    expect(cost('{ researchers { nodes { name } } }')).toBe(1 + 20 * 2);
    expect(cost('{ researcher(slug: "x") { coauthors { sharedPublications } } }')).toBe(1 + 1 + 10 * 1); // coauthors(first: Int = 10)
    expect(cost('{ publication(id: "x") { authors { name } } }')).toBe(1 + 1 + 10 * 1); // a list without page size: 10
  });

  it('variable defaults count in nested arguments: finding 2 of issue 8 is refused', () => {
    const query = `query Q($n: Int = 100) { researchers(first: $n) { nodes { coauthors(first: $n) { researcher { coauthors(first: $n) { sharedPublications } } } } } }`;
    expect(checkLimits(schema, parse(query), {}, limits)?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(checkLimits(schema, parse(query), { n: 2 }, limits)).toBeUndefined();
  });

  it('counts every directive written in the document, known or not, used or not', () => {
    const unknown = `{ __typename ${'@aa '.repeat(10)} }`;
    expect(measureDocument(schema, parse(unknown)).directives).toBe(10);
    expect(checkLimits(schema, parse(unknown), {}, limits)?.message).toBe('The query has 10 directives; at most 5 are allowed.');
    const unused = `{ __typename } fragment X on Query { __typename ${'@skip(if: true) '.repeat(6)} }`;
    expect(measureDocument(schema, parse(unused)).directives).toBe(6);
  });

  it('counts fields asked again under a name already asked beside them, not the same name in other selection sets', () => {
    expect(measureDocument(schema, parse(`{ ${'__typename '.repeat(500)} }`)).repeatedFields).toBe(499);
    expect(measureDocument(schema, parse('{ a: topics { name } topics { name } a: roles { name } }')).repeatedFields).toBe(1);
    expect(measureDocument(schema, parse('{ topics { name } roles { name } }')).repeatedFields).toBe(0);
    expect(checkLimits(schema, parse(`{ ${'__typename '.repeat(500)} }`), {}, limits)?.extensions.code).toBe('TOO_MANY_REPEATED_FIELDS');
  });

  it('survives circular fragments (validation refuses them next) and unknown fragments', () => {
    const measure = measureDocument(schema, parse('{ ...A ...Nope } fragment A on Query { ...B } fragment B on Query { ...A topics { name } }'));
    expect(measure.fragmentSpreads).toBeGreaterThan(0);
    expect(Number.isFinite(measure.cost)).toBe(true);
  });

  it('measures every operation of a document, not only the one asked for', () => {
    const document = parse(`query Small { topics { name } } query Big { ...F12 } ${fanOut(12).replace(/^query \{ \.\.\.F12 \} /, '')}`);
    expect(checkLimits(schema, document, {}, limits)?.extensions.code).toBe('TOO_MANY_FRAGMENT_SPREADS');
  });

  it('refuses the fan-out by its spreads, whatever the depth, with a readable figure', () => {
    expect(checkLimits(schema, parse(fanOut(22)), {}, limits)?.message).toBe('The query spreads fragments 8388607 times once expanded; at most 50 are allowed.');
    expect(checkLimits(schema, parse(fanOut(60)), {}, limits)?.message).toMatch(/^The query spreads fragments 2\.3e\+18 times/);
    expect(checkLimits(schema, parse(fanOut(4)), {}, limits)).toBeUndefined(); // 31 spreads
  });
});
