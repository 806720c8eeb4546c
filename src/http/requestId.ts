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
