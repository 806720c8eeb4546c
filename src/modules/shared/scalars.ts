import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { badUserInput } from './errors.js';

/** DateTime: a Date inside, an ISO 8601 string in UTC on the wire. */
export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in time, as an ISO 8601 string in UTC.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    throw new TypeError(`DateTime cannot represent ${String(value)}`);
  },
  parseValue(value) {
    const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
    if (Number.isNaN(date.getTime())) throw badUserInput(`DateTime must be an ISO 8601 string, e.g. 2026-11-27T08:00:00Z; got ${JSON.stringify(value)}.`);
    return date;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badUserInput('DateTime must be an ISO 8601 string, e.g. "2026-11-27T08:00:00Z".');
    return this.parseValue!(ast.value);
  },
});

/** JSON: any JSON value, as it is (the audit log's before and after). */
export const JSONValue = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value: an object, array, string, number, boolean or null.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
