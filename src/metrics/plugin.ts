import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { GraphQLContext } from '../context.js';
import type { AppMetrics } from './metrics.js';
import { currentScope, runInScope } from './requestScope.js';

/**
 * Operation names are chosen by clients: past this many distinct ones, new
 * names are counted as "(other)", so that a client sending random names
 * cannot grow the metrics without bound.
 */
const MAX_OPERATION_NAMES = 200;

/**
 * Opens the request scope (requestScope.ts) in which the statements and
 * DataLoader batches of one GraphQL request are counted. It goes after the
 * body parser: the parser resumes from socket events, outside any scope
 * opened before it.
 */
export function metricsScope(metrics: AppMetrics): RequestHandler {
  const observeBatch = (size: number) => metrics.batchSize.observe(size);
  return (_request, _response, next) => runInScope({ statements: 0, observeBatch }, next);
}

/** Counts each GraphQL request by operation and outcome, with its duration, errors and SQL statements. */
export function metricsPlugin(metrics: AppMetrics): ApolloServerPlugin<GraphQLContext> {
  const names = new Set<string>();
  const labelOf = (name: string | null | undefined, resolved: boolean): string => {
    if (!resolved) return '(unresolved)';
    if (!name) return '(anonymous)';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return '(other)';
    names.add(name);
    return name;
  };
  return {
    requestDidStart() {
      const started = performance.now();
      const scope = currentScope();
      return Promise.resolve({
        willSendResponse({ response, operationName, operation }) {
          const operationLabel = labelOf(operationName, operation !== undefined);
          const body = response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const codes = errors.map((error) => {
            const code = error.extensions?.code;
            return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
          });
          for (const code of codes) metrics.errors.inc({ code });
          metrics.requests.inc({ operation: operationLabel, outcome: codes[0] ?? 'ok' });
          metrics.duration.observe({ operation: operationLabel }, (performance.now() - started) / 1000);
          if (scope) metrics.statements.observe({ operation: operationLabel }, scope.statements);
          return Promise.resolve();
        },
      });
    },
  };
}
