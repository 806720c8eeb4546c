import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import { Prisma } from '../../generated/prisma/client.js';
import type { GraphQLContext } from '../../context.js';
import type { Logger } from '../../logger.js';
import { compactJson } from '../compactJson.js';
import { rawData } from '../rawJson.js';
import { cachedCompiler } from './cache.js';
import { compileOperation, type CompiledOperation, type CompilerRegistry } from './compiler.js';

/**
 * The statement with its `data` read as text: pg would JSON.parse a json
 * column, and the answer is sent as that text (rawJson.ts).
 */
function asText(statement: CompiledOperation): CompiledOperation {
  return Prisma.sql`SELECT compiled.data::text AS data FROM (${statement}) compiled`;
}

/**
 * The answer's data: over HTTP, the text itself (compacted: PostgreSQL puts
 * spaces between tokens), written as it is by stringifyResult (rawJson.ts);
 * parsed when compactJson cannot vouch for its bytes, and for
 * executeOperation, whose callers read the data's fields.
 */
function dataOf(text: string, overHttp: boolean): Record<string, unknown> {
  const compact = overHttp ? compactJson(text) : null;
  return compact === null ? (JSON.parse(text) as Record<string, unknown>) : rawData(compact);
}

/**
 * Answers an anonymous query with one statement whose row is the whole
 * `data` (compiler.ts), before graphql-js would run the resolvers. It stands
 * aside (the resolvers answer) for: anything but a query; a request with an
 * Authorization header (hidden papers and editor fields depend on who asks,
 * and the compilers write the anonymous view); an operation with a field,
 * argument or selection no compiler covers; a failed guard (e.g. an unknown
 * filter slug, which the resolvers refuse with their error); and a statement
 * that fails. That last one runs again through the resolvers, so that a
 * database error reaches the client exactly as it would have without this
 * plugin (same formatting, logging and partial data), at the cost of a
 * second attempt when the database is in trouble.
 *
 * Registered last (src/server.ts): the limits and cost checks have run
 * (didResolveOperation) and the response cache has had its turn.
 */
export function compiledReadsPlugin(registry: CompilerRegistry, logger: Logger): ApolloServerPlugin<GraphQLContext> {
  // Wrapped once per remembered statement, not per request.
  const compile = cachedCompiler((...operation) => {
    const statement = compileOperation(...operation);
    return statement && asText(statement);
  });
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ request, operation: resolved, document, schema, contextValue }) {
          // Undefined despite Apollo's type when the document has no operation of that name: execution gives that error.
          const operation = resolved as OperationDefinitionNode | undefined;
          if (operation?.operation !== OperationTypeNode.QUERY || request.http?.headers.get('authorization')) return null;
          const statement = compile(schema, registry, document, request.operationName, request.variables);
          if (!statement) return null;
          let rows: { data: string | null }[];
          try {
            rows = await contextValue.prisma.$queryRaw<{ data: string | null }[]>(statement);
          } catch (error) {
            logger.warn({ requestId: contextValue.requestId, err: error }, 'compiled read failed; the resolvers answer');
            return null;
          }
          const text = rows[0]?.data;
          // No row, or a failed guard (SQL NULL); JSON null is not an answer either.
          if (!text || text === 'null') return null;
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: dataOf(text, !!request.http) } } };
        },
      };
    },
  };
}
