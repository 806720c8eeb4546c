import { GraphQLScalarType, Kind } from 'graphql';
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
