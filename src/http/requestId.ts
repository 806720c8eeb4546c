import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

/** Gives every request an id (the caller's X-Request-Id when it is sane) and returns it in a header. */
export const requestId: RequestHandler = (request, response, next) => {
  const incoming = request.get('x-request-id');
  const id = incoming && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
  response.locals.requestId = id;
  response.setHeader('x-request-id', id);
  next();
};

/**
 * Apollo Server answers some refusals itself, before any plugin sees the
 * request (CSRF prevention, batched requests, 405 for other methods): their
 * error bodies get the request id here, as every other error does.
 */
export const requestIdInErrors: RequestHandler = (_request, response, next) => {
  const send = response.send.bind(response);
  response.send = (body?: unknown) => {
    if (response.statusCode >= 400 && typeof body === 'string' && body.startsWith('{')) {
      try {
        const parsed = JSON.parse(body) as { errors?: { extensions?: Record<string, unknown> }[] };
        if (Array.isArray(parsed.errors)) {
          for (const error of parsed.errors) error.extensions = { ...error.extensions, requestId: response.locals.requestId };
          return send(`${JSON.stringify(parsed)}\n`);
        }
      } catch {
        // Not JSON after all: sent as it is.
      }
    }
    return send(body);
  };
  next();
};
