import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLContext } from '../context.js';
import type { Logger } from '../logger.js';
import { isDatabaseUnavailable, isInternalError } from './errors.js';

/**
 * One JSON log line per operation (request id, operation name, duration,
 * status), the full error of anything that failed on our side, and the
 * request id in every error sent, so a user's report leads to the log line.
 */
export function requestLoggingPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      // Made when a line is written: at LOG_LEVEL=warn most requests write none.
      let child: Logger | undefined;
      const log = () => (child ??= logger.child({ requestId: contextValue.requestId }));
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            const original = unwrapResolverError(error);
            if (isDatabaseUnavailable(original)) {
              log().error({ operationName, err: original }, 'database unavailable');
            } else if (isInternalError(code, error)) {
              log().error({ operationName, err: original, path: error.path }, 'internal error');
            }
          }
        },
        async willSendResponse({ response, operationName }) {
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          if (body.kind === 'single' && errors) {
            body.singleResult.errors = errors.map((error) => ({
              ...error,
              extensions: { ...error.extensions, requestId: contextValue.requestId },
            }));
          }
          if (!logger.isLevelEnabled('info')) return;
          log().info(
            {
              operationName: operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              status: response.http.status ?? 200,
              errors: errors?.map((error) => error.extensions?.code) ?? [],
            },
            'graphql request',
          );
        },
      };
    },
  };
}
