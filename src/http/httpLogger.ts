import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.js';

/** Probes answer every few seconds: their lines would drown the others at info. */
const probePaths = new Set(['/healthz', '/readyz']);

/** The path without the query string (a GET's query string can carry a whole operation and its variables). */
function pathOf(request: IncomingMessage): string {
  const url = (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url ?? '';
  return url.split('?')[0] ?? '';
}

/** Set by src/http/requestId.ts, which runs first. */
function requestIdOf(response: ServerResponse): string {
  return (response as ServerResponse & { locals?: { requestId?: string } }).locals?.requestId ?? '';
}

/**
 * One line per HTTP request, written when its answer is finished (or the
 * client went away): request id, method, path, status and duration. Mount it
 * after `requestId`, whose id it reuses. The "graphql request" line of
 * src/graphql/logging.ts says what the operation did; this one says what the
 * HTTP exchange was, 404s and 413s included.
 */
export function httpLogger(logger: Logger): RequestHandler {
  // Its lines are info (debug for probes): at a higher level (LOG_LEVEL=warn) none can be
  // written, and pino-http would still make two child loggers per request, one
  // serialising the request with its headers. The level is set once, at start-up.
  if (!logger.isLevelEnabled('info') && !logger.isLevelEnabled('debug')) return (_request, _response, next) => next();
  const summary = (request: IncomingMessage, response: ServerResponse, durationMs: number) => ({
    method: request.method,
    path: pathOf(request),
    status: response.statusCode,
    durationMs,
  });
  return pinoHttp({
    logger,
    genReqId: (_request, response) => requestIdOf(response),
    // Only the id is bound, under the name the other log lines use; the summary says the rest.
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    // Info whatever the status: a failure is logged where it happens, with its cause,
    // at its own level (src/http/errors.ts, src/graphql/errors.ts); this line only counts it.
    customLogLevel: (request) => (probePaths.has(pathOf(request)) ? 'debug' : 'info'),
    customSuccessMessage: () => 'http request',
    customErrorMessage: () => 'http request',
    customSuccessObject: (request, response, loggable: { responseTime: number }) => summary(request, response, loggable.responseTime),
    // pino-http calls a 5xx an error: the same summary (the cause is in its own line).
    customErrorObject: (request, response, _error, loggable: { responseTime: number }) => summary(request, response, loggable.responseTime),
  });
}
