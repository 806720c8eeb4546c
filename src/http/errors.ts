import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.js';

/** A GraphQL-shaped error body, so clients parse every failure the same way. */
export function errorBody(message: string, code: string, requestId: unknown) {
  return { errors: [{ message, extensions: { code, requestId } }] };
}

/**
 * Failures before GraphQL runs: a body over the limit (413), a body that is
 * not JSON (400); anything else is logged and masked (500).
 */
export function httpErrorHandler(logger: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _request, response, next) => {
    if (response.headersSent) return next(error);
    const requestId: unknown = response.locals.requestId;
    if (error.type === 'entity.too.large') {
      response.status(413).json(errorBody(`The request body is larger than ${maxBodyBytes} bytes.`, 'PAYLOAD_TOO_LARGE', requestId));
    } else if (error.type === 'entity.parse.failed') {
      response.status(400).json(errorBody('The request body is not valid JSON.', 'BAD_REQUEST', requestId));
    } else if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      response.status(error.status).json(errorBody('The request could not be read.', 'BAD_REQUEST', requestId));
    } else {
      logger.error({ requestId, err: error }, 'unexpected HTTP error');
      response.status(500).json(errorBody('Internal server error', 'INTERNAL_SERVER_ERROR', requestId));
    }
  };
}

/**
 * Answers 503 REQUEST_TIMEOUT when `handler` has not answered in `timeoutMs`.
 * Its late answer is dropped (writing it fails: the response is sent), and
 * statement_timeout stops the database work behind it.
 */
export function withDeadline(timeoutMs: number, handler: RequestHandler): RequestHandler {
  return (request, response, next) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (!response.headersSent) {
        response.status(503).json(errorBody(`The request took longer than ${timeoutMs} ms.`, 'REQUEST_TIMEOUT', response.locals.requestId));
      }
    }, timeoutMs);
    response.once('close', () => clearTimeout(timer));
    Promise.resolve(handler(request, response, next))
      .catch((error: unknown) => {
        if (!timedOut) next(error);
      })
      .finally(() => clearTimeout(timer));
  };
}

export const notFound: RequestHandler = (_request, response) => {
  response.status(404).json(errorBody('Not found. The GraphQL endpoint is /graphql.', 'NOT_FOUND', response.locals.requestId));
};
